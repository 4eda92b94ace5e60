package offloadsim.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import offloadsim.reports.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CliTest {

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badInputs() {
        return Stream.<String[]>of(
                new String[] {"explore", "--scenario", "no-such", "--variant", "pre-10305"},
                new String[] {"explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-99"},
                new String[] {"explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--strategy", "psychic"},
                new String[] {"explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--schedules", "-5"},
                new String[] {"explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--seeds", "9..3"},
                new String[] {"explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--seeds", "x..3"},
                new String[] {"explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--shard", "3/3"},
                new String[] {"explore", "--variant", "pre-10305"},
                new String[] {"explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--strategy", "dpor", "--jobs", "0"},
                new String[] {"explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--strategy", "random", "--jobs", "2"},
                new String[] {"explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--strategy", "dpor", "--jobs", "2", "--shard", "0/2"},
                new String[] {"replay", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--schedule", "v1:zz:0"},
                new String[] {"replay", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--seed", "-1"},
                new String[] {"replay", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305"},
                new String[] {"matrix", "--schedules", "-1"},
                new String[] {"merge", "/no/such/file.json"},
                new String[] {"report", "/no/such/file.json"},
                new String[] {"shrink", "--scenario", "unarchive-during-compaction", "--variant", "fix-10305", "--seed", "1"},
                new String[] {"shrink", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--seed", "2", "--attempts", "-3"},
                new String[] {"bench", "--lincheck-runs", "-1"},
                new String[] {"bench", "--jcstress-seconds", "-3"},
                new String[] {"bench", "--jcstress-seconds", "ten"},
                new String[] {"bench", "--seeds", "0"},
                new String[] {"frobnicate"}).map(a -> org.junit.jupiter.params.provider.Arguments.of((Object) a));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputExitsTwoWithOneLineAndNoStackTrace(String[] args) {
        Run r = cli(args);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("offload-sim: ") || r.err().contains("Unknown") || r.err().contains("Missing"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void benchWithoutCrossChecksPrintsTheSimulatorRows() {
        // Lincheck and jcstress take a minute; they are run by hand (./offload-sim bench) and by the cross-check suites
        Run r = cli("bench", "--no-cross-checks", "--seeds", "3", "--fix-executions", "200");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("| measurement (unarchive-during-compaction) |"), r.out());
        assertTrue(r.out().contains("| executions/second, fix-10305 (200 runs, 0 violations) | random |"), r.out());
        assertFalse(r.out().contains("Lincheck") || r.out().contains("jcstress"), r.out());
    }

    @Test
    void malformedScenarioFileExitsTwoNamingFileAndField(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.yaml");
        Files.writeString(f, "name: broken\nworld: {timelines: [{id: main}]}\ntasks: [{name: a, ops: [{unarchve: main}]}]\n");
        Path out = dir.resolve("result.json");
        Run r = cli("explore", "--file", f.toString(), "--variant", "fix-10305", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("offload-sim: " + f + ": tasks[0].ops[0]: unknown operation 'unarchve' (known: " + String.join(", ", offloadsim.scenarios.ops.Op.NAMES) + ")", r.err().strip());
        assertFalse(Files.exists(out), "no partial report file");
    }

    @Test
    void exploreFindsTheBugAndReplayReproducesItByteForByte() {
        Run e = cli("explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--seeds", "1..200", "--stop-at-first", "--json");
        assertEquals(1, e.code(), e.err());
        JsonNode j = read(e.out());
        for (String f : new String[] {"schema", "scenario", "variant", "strategy", "executions", "complete", "violations"}) assertTrue(j.has(f), f);
        assertEquals("offload-sim/v1", j.get("schema").asText());
        JsonNode v = j.get("violations").get(0);
        for (String f : new String[] {"oracle", "seed", "schedule", "replay"}) assertTrue(v.has(f), f);
        assertEquals("stuck-stopping", v.get("oracle").asText());

        Matcher m = Pattern.compile("--schedule '([^']+)'").matcher(v.get("replay").asText());
        assertTrue(m.find());
        Run r1 = cli("replay", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--schedule", m.group(1), "--trace");
        Run r2 = cli("replay", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--seed", v.get("seed").asText());
        assertEquals(1, r1.code());
        assertTrue(r1.out().contains("VIOLATION stuck-stopping"), r1.out());
        assertTrue(r1.out().contains("offload_timeline/is_archived"), "trace names the Rust await/pause points");
        assertTrue(r1.out().contains("story:"));
        String hash1 = hash(r1.out());
        assertEquals(hash1, hash(r2.out()), "seed and schedule replays agree");
        assertEquals(r1.out(), cli("replay", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--schedule", m.group(1), "--trace").out(), "byte-identical rerun");
        JsonNode rj = read(cli("replay", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--schedule", m.group(1), "--json").out());
        assertEquals("stuck-stopping", rj.get("oracle").asText());
        assertEquals(hash1, rj.get("traceHash").asText(), "the JSON replay is the same run");
    }

    @Test
    void aSplitDporSearchIsCompleteOnlyWhenEveryPartIsMerged(@TempDir Path dir) throws Exception {
        String[] base = {"explore", "--scenario", "shutdown-during-offload", "--variant", "fix-10305", "--strategy", "dpor", "--preemptions", "-1", "--json"};
        Path[] parts = new Path[3];
        long executions = 0;
        for (int i = 0; i < 3; i++) {
            parts[i] = dir.resolve("part-" + i + ".json");
            String[] args = java.util.Arrays.copyOf(base, base.length + 4);
            args[base.length] = "--shard";
            args[base.length + 1] = i + "/3";
            args[base.length + 2] = "--out";
            args[base.length + 3] = parts[i].toString();
            Run r = cli(args);
            assertEquals(0, r.code(), r.err());
            JsonNode j = read(Files.readString(parts[i]));
            assertTrue(j.get("complete").asBoolean(), "each part searches its prefixes completely");
            assertEquals(i + "/3", j.get("shard").asText());
            executions += j.get("executions").asLong();
        }
        JsonNode all = read(cli("merge", parts[0].toString(), parts[1].toString(), parts[2].toString()).out());
        assertTrue(all.get("complete").asBoolean());
        assertEquals(executions, all.get("executions").asLong());
        JsonNode some = read(cli("merge", parts[0].toString(), parts[2].toString()).out());
        assertFalse(some.get("complete").asBoolean(), "a missing part leaves the search incomplete");

        String[] jobs = java.util.Arrays.copyOf(base, base.length + 2);
        jobs[base.length] = "--jobs";
        jobs[base.length + 1] = "2";
        Run r = cli(jobs);
        assertEquals(0, r.code(), r.err());
        JsonNode together = read(r.out());
        assertTrue(together.get("complete").asBoolean());
        assertEquals(0, together.get("failures").asInt());
        assertTrue(together.get("strategyDescription").asText().contains("prefix searches of"), together.get("strategyDescription").asText());
    }

    @Test
    void fixedVariantExploresCleanAndShardsMergeIntoOneVerdict(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        assertEquals(0, cli("explore", "--scenario", "unarchive-during-compaction", "--variant", "fix-10305", "--seeds", "1..400", "--shard", "0/2", "--out", a.toString(), "--json").code());
        assertEquals(0, cli("explore", "--scenario", "unarchive-during-compaction", "--variant", "fix-10305", "--seeds", "1..400", "--shard", "1/2", "--out", b.toString(), "--json").code());
        JsonNode ja = read(Files.readString(a));
        JsonNode jb = read(Files.readString(b));
        assertEquals(1, ja.get("firstSeed").asLong());
        assertEquals(200, ja.get("lastSeed").asLong());
        assertEquals(201, jb.get("firstSeed").asLong());
        Run m = cli("merge", a.toString(), b.toString());
        assertEquals(0, m.code(), m.err());
        JsonNode merged = read(m.out());
        assertEquals(400, merged.get("executions").asLong());
        assertEquals(0, merged.get("failures").asInt());

        Path c = dir.resolve("c.json");
        assertEquals(1, cli("explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--seeds", "1..50", "--out", c.toString(), "--json").code());
        assertEquals(2, cli("merge", a.toString(), c.toString()).code(), "different variants cannot be merged");
    }

    @Test
    void matrixWritesSelfContainedReports(@TempDir Path dir) throws Exception {
        Run r = cli("matrix", "--schedules", "300", "--out", dir.toString());
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<svg"), "swimlanes");
        assertFalse(html.contains("src=\"http") || html.contains("href=\"http") || html.contains("url(http"), "no network references");
        assertTrue(html.contains("unarchive-during-compaction-pinned on pre-10305"));
        assertTrue(Files.readString(dir.resolve("report.md")).startsWith("# offload-sim verdict matrix"));
        // no suite results next to this module: the matrix ran the cheap cross-checks itself, and they agree
        assertTrue(html.contains("quick cross-checks run by this matrix"), "cross-check source in the report");
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| pre-10305 | model | bug | bug | bug | unavailable | yes |") && md.contains("| fix-10305 | model | clean | clean | clean | unavailable | yes |"), md);
        JsonNode j = read(Files.readString(dir.resolve("report.json")));
        assertEquals(offloadsim.scenarios.catalog.ScenarioCatalog.all().size() * offloadsim.model.Variant.values().size(), j.get("cells").size());
        assertTrue(r.out().contains("unarchive-during-compaction"));
        // coverage: every cell's JSON carries its figures, the table its column, the page a section per cell
        for (JsonNode cell : j.get("cells")) {
            JsonNode c = cell.get("coverage");
            String where = cell.get("scenario").asText() + "/" + cell.get("variant").asText();
            assertTrue(c != null && c.isObject(), "coverage of " + where);
            assertEquals(c.get("reached").size(), c.get("pointsReached").asInt(), where);
            assertEquals(c.get("pairs").size(), c.get("pairCount").asInt(), where);
            assertEquals(c.get("pointsDeclared").asInt(), c.get("pointsReached").asInt() + c.get("unreached").size(), where);
            assertTrue(c.get("pointsReached").asInt() > 0, where + " reached points");
            // (pairs may be none at this budget: 300 random runs of unoffload-child-during-parent-offload on alt-recheck never run the unoffload beside the offload)
            if (where.equals("unarchive-during-compaction/fix-10305")) assertTrue(c.get("pairCount").asInt() > 0, where + " interleaved pairs");
            assertEquals(0, c.get("undeclared").size(), where + ": " + c.get("undeclared"));
            String summary = "points " + c.get("pointsReached").asInt() + "/" + c.get("pointsDeclared").asInt() + ", pairs " + c.get("pairCount").asInt();
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(cell.get("scenario").asText() + " ") && l.contains(" " + cell.get("variant").asText() + " ") && l.contains(summary)),
                    "the table's coverage column for " + where + ": " + summary);
            assertTrue(html.contains("id=\"cov-" + (where).replaceAll("[^a-z0-9]+", "-") + "\""), "coverage section of " + where);
        }
        assertTrue(r.out().contains("points reached by some cell: "), r.out());
        assertTrue(md.contains("Coverage: points reached by some cell: "), md);
    }

    @Test
    void shrinkKeepsTheOracleAndCutsPreemptions() {
        // seed 9 fails with six preemptions where three suffice
        Run r = cli("shrink", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--seed", "9", "--schedule-only", "--json");
        assertEquals(1, r.code(), r.err());
        JsonNode j = read(r.out());
        assertEquals("stuck-stopping", j.get("oracle").asText());
        assertTrue(j.get("shrunk").get("preemptions").asInt() < j.get("original").get("preemptions").asInt(), r.out());
        assertTrue(j.get("shrunk").get("steps").asInt() <= j.get("original").get("steps").asInt());
        assertTrue(j.get("story").get(0).asText().matches("1\\. \\[[a-z0-9 ]+\\] .*"), "a numbered story: " + j.get("story"));
        Matcher m = Pattern.compile("--schedule '([^']+)'").matcher(j.get("replay").asText());
        assertTrue(m.find());
        Run replay = cli("replay", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--schedule", m.group(1));
        assertTrue(replay.out().contains("preemptions " + j.get("shrunk").get("preemptions").asInt()), replay.out());
    }

    @Test
    void exhaustiveSearchWithReductionCompletesOnTheFixAndReportRendersResults(@TempDir Path dir) throws Exception {
        Path fix = dir.resolve("fix.json");
        Run e = cli("explore", "--scenario", "unarchive-during-compaction", "--variant", "fix-10305", "--strategy", "exhaustive", "--preemptions", "-1", "--out", fix.toString());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("(complete)") && e.out().contains("pruned as equivalent") && e.out().contains("Mazurkiewicz traces"), e.out());
        JsonNode j = read(Files.readString(fix));
        assertTrue(j.get("complete").asBoolean());
        assertEquals(j.get("executions").asLong() - j.get("pruned").asLong(), j.get("distinctTraces").asLong(), "one completed run per trace");

        Path pre = dir.resolve("pre.json");
        assertEquals(1, cli("explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--seeds", "1..30", "--out", pre.toString()).code());
        Path out = dir.resolve("report");
        Run r = cli("report", fix.toString(), pre.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("shrunk from") && html.contains("por=sleep-sets"), "swimlanes of shrunk runs and both explorations");
        assertTrue(Files.readString(out.resolve("report.md")).contains("| unarchive-during-compaction | fix-10305 |"));
    }

    @Test
    void listNamesEverything() {
        Run r = cli("list");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("archival-chaos") && r.out().contains("fix-10305") && r.out().contains("stuck-stopping") && r.out().contains("random"));
    }

    private static String hash(String out) {
        Matcher m = Pattern.compile("trace hash ([0-9a-f]+)").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

    private static JsonNode read(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
