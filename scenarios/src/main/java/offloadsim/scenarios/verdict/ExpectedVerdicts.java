package offloadsim.scenarios.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import offloadsim.model.Variant;
import offloadsim.model.oracles.OracleNames;
import offloadsim.scenarios.expect.ExpectationOracles;

/**
 * The expected-verdict table (scenario × variant), kept as data in
 * {@code offloadsim/expected-verdicts.yaml} and shared by the test suite and the CLI's matrix.
 */
public final class ExpectedVerdicts {

    private static final String RESOURCE = "/offloadsim/expected-verdicts.yaml";
    private final Map<String, Map<String, Expectation>> table;

    private ExpectedVerdicts(Map<String, Map<String, Expectation>> table) {
        this.table = table;
    }

    /** The table shipped with offload-sim. */
    public static ExpectedVerdicts load() {
        return load(RESOURCE);
    }

    /** A table of the same format from another resource (e.g. the Neon ports' /offloadsim/neon-ports/expected.yaml). */
    public static ExpectedVerdicts load(String resource) {
        try (InputStream in = ExpectedVerdicts.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExpectedVerdicts parse(JsonNode root) {
        Map<String, Map<String, Expectation>> t = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> si = root.fields(); si.hasNext(); ) {
            var s = si.next();
            Map<String, Expectation> row = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> vi = s.getValue().fields(); vi.hasNext(); ) {
                var v = vi.next();
                Variant.byId(v.getKey());
                JsonNode c = v.getValue();
                Expectation.Verdict verdict = Expectation.Verdict.valueOf(c.path("verdict").asText("unknown").toUpperCase());
                String oracle = c.hasNonNull("oracle") ? c.get("oracle").asText() : null;
                if (verdict == Expectation.Verdict.BUG && (oracle == null || !OracleNames.ALL.contains(oracle) && !oracle.equals("exception") && !oracle.equals(ExpectationOracles.NAME)))
                    throw new IllegalStateException("expected-verdicts: " + s.getKey() + "/" + v.getKey() + ": a bug needs a known oracle, got " + oracle);
                java.util.List<String> answers = new java.util.ArrayList<>();
                for (JsonNode a : c.path("answers")) answers.add(a.asText());
                if (!answers.isEmpty() && !c.hasNonNull("evidence"))
                    throw new IllegalStateException("expected-verdicts: " + s.getKey() + "/" + v.getKey() + ": answers need the evidence schedule they come from");
                row.put(v.getKey(), new Expectation(verdict, oracle, c.hasNonNull("evidence") ? c.get("evidence").asText() : null, answers,
                        c.hasNonNull("note") ? c.get("note").asText() : null));
            }
            t.put(s.getKey(), row);
        }
        return new ExpectedVerdicts(t);
    }

    public Expectation expectation(String scenario, Variant variant) {
        return table.getOrDefault(scenario, Map.of()).getOrDefault(variant.id(), Expectation.UNKNOWN);
    }

    /** Scenario names that have a row. */
    public java.util.Set<String> scenarios() {
        return table.keySet();
    }
}
