package offloadsim.reports.cli;

import static offloadsim.reports.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import offloadsim.scenarios.file.ScenarioFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files with expectations on the command line, and shrink --save-scenario. */
class ScenarioExpectationsCliTest {

    @Test
    void aWrongExpectationExitsOneNamingTheOperation(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("wrong.yaml");
        Files.writeString(f, """
                name: wrong
                world: {offloading: false, timelines: [{id: main}, {id: t1, ancestor: main}]}
                tasks:
                  - name: user
                    ops: [{archive: main, expect: Ok}]
                """);
        CliTest.Run r = cli("explore", "--file", f.toString(), "--variant", "fix-10305", "--seeds", "1..3");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("expectation") && r.out().contains("task user, tasks[0].ops[0] archive: main: expected Ok, got Err(HasUnarchivedChildren)"), r.out());
    }

    @Test
    void anImpossibleWorldIsBadInput(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cycle.yaml");
        Files.writeString(f, """
                name: cycle
                world: {timelines: [{id: a, ancestor: b}, {id: b, ancestor: a}]}
                tasks: [{name: u, ops: [compaction]}]
                """);
        CliTest.Run r = cli("explore", "--file", f.toString(), "--variant", "fix-10305");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("ancestry cycle: a -> b -> a"), r.err());
    }

    @Test
    void shrinkSavesAChaosFailureAsAScenarioFileThatFailsOnItsOwn(@TempDir Path dir) throws Exception {
        CliTest.Run e = cli("explore", "--scenario", "archival-chaos", "--variant", "fix-10305", "--seeds", "1..500", "--stop-at-first", "--json");
        assertEquals(1, e.code(), e.err());
        JsonNode v = new ObjectMapper().readTree(e.out()).get("violations").get(0);
        String oracle = v.get("oracle").asText();
        Path saved = dir.resolve("shrunk.yaml");
        CliTest.Run s = cli("shrink", "--scenario", "archival-chaos", "--variant", "fix-10305", "--seed", v.get("seed").asText(), "--save-scenario", saved.toString());
        assertEquals(1, s.code(), s.err());
        Matcher m = Pattern.compile("program shrunk from \\d+ tasks, (\\d+) ops, \\d+ timelines to \\d+ tasks, (\\d+) ops").matcher(s.out());
        assertTrue(m.find(), s.out());
        assertTrue(Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1)), s.out());
        ScenarioFile.load(saved); // parses
        CliTest.Run replay = cli("replay", "--file", saved.toString(), "--variant", "fix-10305");
        assertEquals(1, replay.code(), replay.out() + replay.err());
        assertTrue(replay.out().contains(oracle), replay.out());
    }
}
