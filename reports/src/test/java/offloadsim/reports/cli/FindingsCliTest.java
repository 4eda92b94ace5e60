package offloadsim.reports.cli;

import static offloadsim.reports.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import offloadsim.reports.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --fail-on, the attribution in the JSON and the terminal, the findings subcommand and the sweep. */
class FindingsCliTest {

    @Test
    void knownRacesPassUnderFailOnNewAndFailUnderAny(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");
        var any = cli("explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--seeds", "1..30", "--out", out.toString());
        assertEquals(1, any.code(), any.out());
        assertTrue(any.out().startsWith("KNOWN: "), any.out());
        var fresh = cli("explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--seeds", "1..30", "--fail-on", "new");
        assertEquals(0, fresh.code(), fresh.out());
        JsonNode r = Json.MAPPER.readTree(Files.readString(out));
        for (JsonNode v : r.get("violations")) {
            assertTrue(v.get("finding").isTextual(), v.toString());
            assertTrue(v.get("fingerprint").asText().matches("[0-9a-f]{12}"), v.toString());
        }
        assertTrue(r.get("knownFindings").has("F10220-stranded-stopping"), r.toString());
        assertEquals(0, r.get("newFindings").size());
        assertEquals(0, r.get("missingFindings").size());
        assertTrue(r.get("rechecked").asLong() >= 0);
    }

    @Test
    void aRaceTheLedgerDoesNotCoverIsNewOnTheFirstLineAndFailsUnderFailOnNew(@TempDir Path dir) throws Exception {
        // the #10220 scenario in a world whose ids the ledger has never seen: the same race, a different shape
        Path file = dir.resolve("renamed.yaml");
        Files.writeString(file, """
                name: renamed
                world:
                  timelines:
                    - {id: main}
                    - {id: x1, ancestor: main, archived: true}
                tasks:
                  - name: compaction
                    ops: [compaction]
                  - name: user
                    ops: [{unarchive: x1}, {endpoint-start: x1}]
                oracles: [stuck-stopping]
                """);
        var r = cli("explore", "--file", file.toString(), "--variant", "pre-10305", "--seeds", "1..20", "--fail-on", "new");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().startsWith("NEW on pre-10305: "), r.out());
        assertTrue(r.out().contains("[NEW] seed"), r.out());
    }

    @Test
    void aFindingExpectedInTheCoveredSeedsThatDidNotShowIsMissing(@TempDir Path dir) throws Exception {
        // the pinned-schedule cell of #10220 on pre-10305 shows it at seed 1; a random walk over seeds 1..1 must too,
        // so a result file claiming those seeds with no violation reports it missing
        Path clean = dir.resolve("clean.json");
        Files.writeString(clean, """
                {"schema":"offload-sim/v1","scenario":"unarchive-during-compaction-pinned","variant":"pre-10305","strategy":"random",
                 "strategyDescription":"random","firstSeed":1,"lastSeed":1,"shard":null,"executions":1,"complete":false,"failures":0,
                 "firstFailureAt":-1,"distinctInterleavings":1,"distinctFinalStates":1,"distinctTraces":1,"pruned":0,"elapsedMillis":1,
                 "failuresByOracle":{},"violations":[]}
                """);
        var m = cli("merge", clean.toString(), "--fail-on", "new");
        assertEquals(1, m.code(), m.err());
        assertTrue(m.err().startsWith("MISSING on pre-10305: expected finding F10220-stranded-stopping did not show"), m.err());
        assertEquals(0, cli("merge", clean.toString()).code());
    }

    @Test
    void sweepShardsMergeToTheSameCountsAsOneSweepWithJobs(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole.json"), a = dir.resolve("a.json"), b = dir.resolve("b.json");
        String[] base = {"sweep", "--scenario", "unarchive-during-compaction", "--variant", "alt-recheck", "--seeds", "1..400", "--shrink-attempts", "200"};
        var w = cli(concat(base, "--jobs", "2", "--out", whole.toString(), "--fail-on", "new"));
        assertEquals(0, w.code(), w.out());
        assertTrue(w.out().startsWith("KNOWN: "), w.out());
        assertTrue(w.out().contains("first seed") && w.out().contains("replay: ./offload-sim replay"), w.out());
        cli(concat(base, "--shard", "0/2", "--out", a.toString()));
        cli(concat(base, "--shard", "1/2", "--out", b.toString()));
        var merged = cli("merge", b.toString(), a.toString(), "--fail-on", "new");
        assertEquals(0, merged.code(), merged.err());
        JsonNode one = Json.MAPPER.readTree(Files.readString(whole)), two = Json.MAPPER.readTree(merged.out());
        assertEquals(one.get("failures"), two.get("failures"));
        assertEquals(one.get("knownFindings"), two.get("knownFindings"));
        assertEquals(one.get("failuresByOracle"), two.get("failuresByOracle"));
        var listing = cli("findings", whole.toString());
        assertEquals(0, listing.code());
        assertTrue(listing.out().contains("F10220-stranded-stopping"), listing.out());
        var classify = cli("findings", "--classify", whole.toString());
        assertTrue(classify.out().contains("shape: "), classify.out());
        assertFalse(classify.out().contains("\nNEW "), classify.out());
    }

    @Test
    void badFailOnIsBadUsage() {
        var r = cli("explore", "--scenario", "unarchive-during-compaction", "--variant", "pre-10305", "--fail-on", "some");
        assertEquals(2, r.code());
        assertNotNull(r.err());
        assertTrue(r.err().startsWith("offload-sim: --fail-on must be any or new"), r.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
