package offloadsim.scenarios.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.ops.Op;
import offloadsim.sim.api.Failpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioFileTest {

    private static final String GOOD = """
            name: my-race
            description: what I want to know
            world:
              offloading: true
              compaction-steps: 3
              timelines:
                - {id: main}
                - {id: t1, ancestor: main, archived: true}
            failpoints:
              before-timeline-auto-offload: pause
            tasks:
              - name: compaction
                ops: [compaction]
              - name: user
                ops:
                  - await-paused: before-timeline-auto-offload
                  - unarchive: t1
                  - release: before-timeline-auto-offload
                  - branch: {from: t1, new: t2}
                  - endpoint-start: t2
                  - unarchive-retry: {timeline: t1, attempts: 2}
                  - compaction: {iterations: 2, period-ms: 50}
                  - sleep-ms: 5
                  - delete: t2
                  - shutdown
            oracles: [stuck-stopping, panic]
            preemptive: false
            max-steps: 500
            """;

    @Test
    void parsesEveryField() throws Exception {
        StaticScenario s = ScenarioFile.parse("good.yaml", GOOD);
        assertEquals("my-race", s.name());
        assertEquals(2, s.world().timelines().size());
        assertEquals("main", s.world().timelines().get(1).ancestor());
        assertTrue(s.world().timelines().get(1).archived());
        assertEquals(3, s.world().compactionSteps());
        assertEquals(Map.of("before-timeline-auto-offload", Failpoints.Mode.PAUSE), s.failpoints());
        assertEquals(List.of(new Op.Compaction(1, 1000)), s.tasks().get(0).ops());
        List<Op> user = s.tasks().get(1).ops();
        assertEquals(new Op.AwaitPaused("before-timeline-auto-offload"), user.get(0));
        assertEquals(new Op.Branch("t1", "t2"), user.get(3));
        assertEquals(new Op.UnarchiveRetry("t1", 2), user.get(5));
        assertEquals(new Op.Compaction(2, 50), user.get(6));
        assertEquals(new Op.ShutdownTenant(), user.get(9));
        assertEquals(Set.of("stuck-stopping", "panic"), s.oracles());
        assertFalse(s.runOptions().preemptive());
        assertEquals(500, s.runOptions().maxSteps());
    }

    @Test
    void jsonIsAcceptedToo() throws Exception {
        StaticScenario s = ScenarioFile.parse("s.json", """
                {"name": "j", "world": {"timelines": [{"id": "main"}]}, "tasks": [{"name": "a", "ops": ["compaction"]}]}
                """);
        assertEquals("j", s.name());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "tasks: [|not valid YAML/JSON",
        "name: x|world: is required",
        "name: x\\nworld: {timelines: [{id: main}]}|tasks: is required",
        "name: x\\nwrld: {}|wrld: unknown field",
        "name: Bad Name\\nworld: {timelines: [{id: main}]}\\ntasks: [{name: a, ops: [compaction]}]|name: 'Bad Name' must be",
        "name: x\\nworld: {timelines: [{id: main}, {id: t1, ancestor: nope}]}\\ntasks: [{name: a, ops: [compaction]}]|world.timelines[1].ancestor: unknown timeline 'nope'",
        "name: x\\nworld: {timelines: [{id: main}, {id: main}]}\\ntasks: [{name: a, ops: [compaction]}]|world.timelines[1].id: timeline 'main' is listed twice",
        "name: x\\nworld: {timelines: [{id: t1, offloaded: true}]}\\ntasks: [{name: a, ops: [compaction]}]|world.timelines[0].offloaded: timeline 't1' is offloaded but not archived",
        "name: x\\nworld: {timelines: [{id: main}]}\\ntasks: [{name: a, ops: [{unarchve: main}]}]|tasks[0].ops[0]: unknown operation 'unarchve'",
        "name: x\\nworld: {timelines: [{id: main}]}\\ntasks: [{name: a, ops: [{unarchive: t9}]}]|tasks[0].ops[0].unarchive: unknown timeline 't9'",
        "name: x\\nworld: {timelines: [{id: main}]}\\ntasks: [{name: a, ops: [{await-paused: fp}]}]|tasks[0].ops[0].await-paused: failpoint 'fp' is not configured",
        "name: x\\nworld: {timelines: [{id: main}]}\\ntasks: [{name: a, ops: [compaction]}, {name: a, ops: [compaction]}]|tasks[1].name: task 'a' is defined twice",
        "name: x\\nworld: {timelines: [{id: main}]}\\ntasks: [{name: a, ops: [{compaction: -1}]}]|tasks[0].ops[0].compaction: must be a positive whole number",
        "name: x\\nworld: {timelines: [{id: main}]}\\ntasks: [{name: a, ops: [compaction]}]\\noracles: [nope]|oracles[0]: unknown oracle 'nope'",
        "name: x\\nworld: {timelines: [{id: main}]}\\ntasks: [{name: a, ops: [compaction]}]\\nmax-steps: 0|max-steps: must be a positive whole number",
        "name: x\\nworld: {timelines: [{id: main}]}\\nfailpoints: {fp: sometimes}\\ntasks: [{name: a, ops: [compaction]}]|failpoints.fp: 'sometimes' is not one of pause, fail, off",
        "- just\\n- a list|must be a mapping",
    })
    void malformedFilesGiveOneLineNamingFileFieldAndProblem(String text, String expected) {
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> ScenarioFile.parse("bad.yaml", text.replace("\\n", "\n")));
        assertTrue(e.getMessage().startsWith("bad.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should contain '" + expected + "'");
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void missingFileIsReportedByPath(@TempDir Path dir) {
        Path p = dir.resolve("nope.yaml");
        ScenarioFileException e = assertThrows(ScenarioFileException.class, () -> ScenarioFile.load(p));
        assertEquals(p + ": no such file", e.getMessage());
    }

    @Test
    void loadsFromDisk(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, GOOD);
        assertEquals("my-race", ScenarioFile.load(p).name());
    }
}
