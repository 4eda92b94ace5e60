package offloadsim.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.TreeMap;
import java.util.TreeSet;
import offloadsim.reports.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** explore, sweep shards and merge carry the coverage figures; the text names them; shards merge into the whole's. */
class CoverageCliTest {

    private static JsonNode read(Path p) throws Exception {
        return Json.MAPPER.readTree(Files.readString(p));
    }

    private static TreeSet<String> pairs(JsonNode c) {
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode p : c.get("pairs")) out.add(p.get("from").asText() + " -> " + p.get("to").asText());
        return out;
    }

    private static TreeMap<String, Long> reached(JsonNode c) {
        TreeMap<String, Long> out = new TreeMap<>();
        for (Iterator<String> it = c.get("reached").fieldNames(); it.hasNext(); ) {
            String k = it.next();
            out.put(k, c.get("reached").get(k).asLong());
        }
        return out;
    }

    @Test
    void exploreReportsItsCoverageAndShardsMergeToTheWhole(@TempDir Path dir) throws Exception {
        Path whole = dir.resolve("whole.json"), a = dir.resolve("a.json"), b = dir.resolve("b.json"), merged = dir.resolve("m.json");
        String[] cell = {"--scenario", "unarchive-during-compaction", "--variant", "fix-10305", "--seeds", "1..400", "--recheck-ratio", "0"};
        CliTest.Run r = CliTest.cli(concat(new String[] {"explore", "--coverage", "--out", whole.toString()}, cell));
        assertEquals(0, r.code(), r.err());
        JsonNode c = read(whole).get("coverage");
        String summary = "points " + c.get("pointsReached").asInt() + "/" + c.get("pointsDeclared").asInt() + ", pairs " + c.get("pairCount").asInt();
        assertTrue(r.out().contains("coverage: " + summary), r.out());
        assertTrue(r.out().contains("interleaved pairs (") && r.out().contains("never reached ("), "--coverage lists every figure: " + r.out());
        assertTrue(reached(c).containsKey("offload_timeline/shutdown_if_archived"), c.toString());
        assertTrue(pairs(c).stream().anyMatch(p -> p.startsWith("offload_timeline/shutdown_if_archived -> ")), "the arbiter interleaved with the unarchive: " + pairs(c));
        assertFalse(c.get("unreached").toString().contains("offload_timeline/is_archived"), "pre-10305's check is no point of the fix");
        assertEquals(0, c.get("undeclared").size());

        assertEquals(0, CliTest.cli(concat(new String[] {"explore", "--shard", "0/2", "--out", a.toString()}, cell)).code());
        assertEquals(0, CliTest.cli(concat(new String[] {"explore", "--shard", "1/2", "--out", b.toString()}, cell)).code());
        assertEquals(0, CliTest.cli("merge", b.toString(), a.toString(), "--out", merged.toString()).code());
        JsonNode m = read(merged).get("coverage");
        assertEquals(reached(c), reached(m), "hits add up over shards to the whole range's");
        assertEquals(pairs(c), pairs(m));
        assertEquals(c.get("unreached"), m.get("unreached"));
        assertEquals(c.get("unreachedInEnteredFunctions"), m.get("unreachedInEnteredFunctions"));
        assertEquals(c.get("pointsDeclared"), m.get("pointsDeclared"));
    }

    private static String[] concat(String[] x, String[] y) {
        String[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
