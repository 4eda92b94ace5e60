package offloadsim.reports.cli;

import java.nio.file.Path;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.file.ScenarioFile;
import offloadsim.scenarios.file.ScenarioFileException;
import offloadsim.scenarios.file.Utf8Text;

/** Turns command-line words into validated inputs; every problem is an IllegalArgumentException with one line. */
final class Inputs {
    private Inputs() {}

    static Scenario scenario(String name, Path file) throws ScenarioFileException {
        if ((name == null) == (file == null)) throw new IllegalArgumentException("give exactly one of --scenario NAME or --file PATH");
        return file != null ? ScenarioFile.load(file) : ScenarioCatalog.byName(name);
    }

    static Variant variant(String id) {
        return Variant.byId(id);
    }

    /** "A..B", both inclusive, 0 <= A <= B. */
    static long[] seeds(String text) {
        String[] p = text.split("\\.\\.", -1);
        if (p.length != 2) throw new IllegalArgumentException("--seeds must look like A..B, got '" + text + "'");
        long a = number(p[0], "--seeds start");
        long b = number(p[1], "--seeds end");
        if (a > b) throw new IllegalArgumentException("--seeds start " + a + " is after its end " + b);
        return new long[] {a, b};
    }

    /** "i/n" with 0 <= i < n. */
    static int[] shard(String text) {
        String[] p = text.split("/", -1);
        if (p.length != 2) throw new IllegalArgumentException("--shard must look like i/n, got '" + text + "'");
        long i = number(p[0], "--shard index");
        long n = number(p[1], "--shard count");
        if (n < 1 || i >= n) throw new IllegalArgumentException("--shard " + text + ": need 0 <= i < n");
        return new int[] {(int) i, (int) n};
    }

    /** The i-th of n contiguous, disjoint slices of the seed range {@code range}. */
    static long[] slice(long[] range, int[] shard) {
        long count = range[1] - range[0] + 1;
        return new long[] {range[0] + count * shard[0] / shard[1], range[0] + count * (shard[0] + 1) / shard[1] - 1};
    }

    static long number(String s, String what) {
        try {
            long v = Long.parseLong(s.trim());
            if (v < 0) throw new IllegalArgumentException(what + " must not be negative, got " + v);
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a whole number: '" + s + "'");
        }
    }

    /**
     * A results file as a JSON object; a missing, empty, non-UTF-8 or broken file, or JSON that is not an
     * object, is one line naming the file.
     */
    static com.fasterxml.jackson.databind.JsonNode jsonFile(Path p) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            String text = Utf8Text.read(p);
            if (text.isBlank()) throw new IllegalArgumentException(p + ": empty file, not an offload-sim result");
            root = offloadsim.reports.json.Json.MAPPER.readTree(text);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException(p + ": no such file");
        } catch (Utf8Text.NotUtf8Exception e) {
            throw new IllegalArgumentException(p + ": " + e.getMessage() + ", not an offload-sim result");
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            throw new IllegalArgumentException(p + ": truncated JSON (it ends inside a value)");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(p + ": not JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException(p + ": not an offload-sim result (the JSON is not an object)");
        return root;
    }

    /**
     * One exploration result (explore --out, merge --out): schema offload-sim/v1 and every field a merge or
     * a report reads. Anything else is one line naming the file.
     */
    static offloadsim.reports.json.ExplorationJson exploration(Path p, com.fasterxml.jackson.databind.JsonNode node) {
        String schema = node.path("schema").asText("");
        if (!offloadsim.reports.json.ExplorationJson.SCHEMA.equals(schema))
            throw new IllegalArgumentException(p + ": not an offload-sim result (schema is " + (schema.isEmpty() ? "missing" : "'" + schema + "'")
                    + ", expected " + offloadsim.reports.json.ExplorationJson.SCHEMA + ")");
        if (node.has("cells")) throw new IllegalArgumentException(p + ": a matrix report, not an exploration result (merge takes explore --out files)");
        for (String field : java.util.List.of("scenario", "variant", "strategy", "executions", "failures", "firstSeed", "lastSeed", "violations"))
            if (!node.hasNonNull(field)) throw new IllegalArgumentException(p + ": not a complete exploration result (no '" + field + "')");
        try {
            return offloadsim.reports.json.Json.MAPPER.treeToValue(node, offloadsim.reports.json.ExplorationJson.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(p + ": not an offload-sim result (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
    }

    static long nonNegative(long v, String what) {
        if (v < 0) throw new IllegalArgumentException(what + " must not be negative, got " + v);
        return v;
    }

    static int positive(int v, String what) {
        if (v < 1) throw new IllegalArgumentException(what + " must be at least 1, got " + v);
        return v;
    }
}
