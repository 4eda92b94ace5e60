package offloadsim.scenarios.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import offloadsim.model.Variant;
import offloadsim.model.oracles.OracleNames;
import offloadsim.sim.trace.Schedule;

/**
 * The findings ledger, kept as data in {@code offloadsim/findings.yaml} beside the expected verdicts:
 * every known class of race, how it is classified, where it is expected, and the schedule that shows it.
 */
public final class Ledger {

    private static final String RESOURCE = "/offloadsim/findings.yaml";
    private final List<Finding> findings;

    private Ledger(List<Finding> findings) {
        this.findings = List.copyOf(findings);
    }

    /** The ledger shipped with offload-sim. */
    public static Ledger load() {
        try (InputStream in = Ledger.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Ledger parse(JsonNode root) {
        List<Finding> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode f : root.path("findings")) {
            String id = text(f, "id", "?");
            String where = "findings.yaml: " + id + ": ";
            if (!ids.add(id)) throw new IllegalStateException(where + "duplicate id");
            JsonNode c = f.path("classification");
            var cl = new Finding.Classification(text(c, "kind", where + "classification.kind"), opt(c, "reference"), opt(c, "link"), opt(c, "reason"));
            if (!Finding.Classification.KINDS.contains(cl.kind())) throw new IllegalStateException(where + "unknown classification " + cl.kind() + " (known: " + Finding.Classification.KINDS + ")");
            if (cl.kind().equals("upstream") && (cl.link() == null || cl.reference() == null)) throw new IllegalStateException(where + "an upstream finding needs a reference and a link");
            if (cl.kind().equals("derived") && cl.reference() == null) throw new IllegalStateException(where + "a derived finding needs its notes section as reference");
            if ((cl.kind().equals("accepted") || cl.kind().equals("model-gap")) && cl.reason() == null) throw new IllegalStateException(where + "needs a reason");
            Set<String> variants = new LinkedHashSet<>();
            for (JsonNode v : f.path("variants")) variants.add(Variant.byId(v.asText()).id());
            if (variants.isEmpty()) throw new IllegalStateException(where + "no variants");
            List<String> fps = new ArrayList<>();
            for (JsonNode fp : f.path("fingerprints")) fps.add(fp.asText());
            List<Finding.Rule> rules = new ArrayList<>();
            for (JsonNode r : f.path("rules")) {
                String oracle = text(r, "oracle", where + "rules[].oracle");
                if (!OracleNames.ALL.contains(oracle) && !oracle.equals("exception") && !oracle.equals("deadlock") && !oracle.equals("step-budget"))
                    throw new IllegalStateException(where + "unknown oracle " + oracle);
                List<String> fns = new ArrayList<>();
                for (JsonNode fn : r.path("functions")) fns.add(fn.asText());
                rules.add(new Finding.Rule(oracle, text(r, "message", where + "rules[].message"), List.copyOf(fns)));
            }
            if (fps.isEmpty() && rules.isEmpty()) throw new IllegalStateException(where + "neither fingerprints nor rules");
            JsonNode p = f.path("pinned");
            var pinned = new Finding.Pinned(text(p, "scenario", where + "pinned.scenario"), Variant.byId(text(p, "variant", where + "pinned.variant")).id(),
                    text(p, "schedule", where + "pinned.schedule"));
            Schedule.parse(pinned.schedule());
            List<Finding.ExpectedAt> expected = new ArrayList<>();
            for (JsonNode e : f.path("expected")) {
                // "scenario/variant@seed"
                String s = e.asText();
                int slash = s.indexOf('/'), at = s.lastIndexOf('@');
                if (slash < 0 || at < slash) throw new IllegalStateException(where + "expected entry must look like scenario/variant@seed, got " + s);
                expected.add(new Finding.ExpectedAt(s.substring(0, slash), Variant.byId(s.substring(slash + 1, at)).id(), Long.parseLong(s.substring(at + 1))));
            }
            out.add(new Finding(id, text(f, "title", where + "title"), cl, variants, List.copyOf(fps), List.copyOf(rules), pinned, List.copyOf(expected)));
        }
        return new Ledger(out);
    }

    private static String text(JsonNode n, String field, String what) {
        if (!n.hasNonNull(field)) throw new IllegalStateException(what.startsWith("findings.yaml") ? "missing " + what : "findings.yaml: missing " + field);
        return n.get(field).asText();
    }

    private static String opt(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** The entry that covers this violation on this variant, or null (NEW). */
    public Finding attribute(String variant, String fingerprintId, String shape) {
        for (Finding f : findings) if (f.covers(variant, fingerprintId, shape)) return f;
        return null;
    }

    /** An entry that describes the race on another variant (to say "NEW on this variant, known as X elsewhere"), or null. */
    public Finding elsewhere(String fingerprintId, String shape) {
        for (Finding f : findings) if (f.describes(fingerprintId, shape)) return f;
        return null;
    }

    /** Entries expected in this cell at a seed in [first, last] of a random walk. */
    public List<Finding> expectedIn(String scenario, String variant, long first, long last) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings)
            for (Finding.ExpectedAt e : f.expected())
                if (e.scenario().equals(scenario) && e.variant().equals(variant) && e.seed() >= first && e.seed() <= last && !out.contains(f)) out.add(f);
        return out;
    }

    public Finding byId(String id) {
        for (Finding f : findings) if (f.id().equals(id)) return f;
        throw new IllegalArgumentException("unknown finding '" + id + "'");
    }
}
