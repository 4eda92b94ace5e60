package offloadsim.reports.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import offloadsim.reports.json.ExplorationJson;
import offloadsim.scenarios.explore.ReplayCommand;
import offloadsim.scenarios.findings.Finding;
import offloadsim.scenarios.findings.Ledger;
import offloadsim.sim.trace.Schedule;

/**
 * Attributes a result's violations to the findings ledger, from the fingerprints the result carries (so
 * merge and report re-attribute old result files against today's ledger), and decides the exit code of
 * {@code --fail-on any|new}.
 */
public final class LedgerCheck {

    /** --fail-on: any violation, or only what the ledger does not cover. */
    public enum FailOn {
        ANY, NEW;

        public static FailOn parse(String s) {
            return switch (s) {
                case "any" -> ANY;
                case "new" -> NEW;
                default -> throw new IllegalArgumentException("--fail-on must be any or new, got '" + s + "'");
            };
        }
    }

    private LedgerCheck() {}

    public static ExplorationJson attribute(ExplorationJson r, Ledger ledger) {
        List<ExplorationJson.ViolationJson> vs = new ArrayList<>();
        for (ExplorationJson.ViolationJson v : r.violations()) vs.add(v.withFinding(idOf(ledger.attribute(r.variant(), v.fingerprint(), v.shape()))));
        List<ExplorationJson.ClassJson> cs = new ArrayList<>();
        Map<String, Integer> known = new LinkedHashMap<>();
        Map<String, ExplorationJson.NewFinding> fresh = new LinkedHashMap<>();
        List<ExplorationJson.ClassJson> classes = r.classes() == null ? List.of() : r.classes();
        for (ExplorationJson.ClassJson c : classes) {
            Finding f = ledger.attribute(r.variant(), c.fingerprint(), c.shape());
            cs.add(c.withFinding(idOf(f)));
            if (f != null) known.merge(f.id(), c.count(), Integer::sum);
            else fresh.merge(key(c.fingerprint(), c.key()), newFinding(r, ledger, c.fingerprint(), c.shape() != null ? c.shape() : c.key(), c.count(), c.firstSeed(), c.shrunkSchedule()),
                    (a, b) -> new ExplorationJson.NewFinding(a.fingerprint(), a.shape(), a.count() + b.count(), Math.min(a.firstSeed(), b.firstSeed()), a.replay(), a.knownElsewhereAs()));
        }
        // a kept run whose fingerprint differs from its class's first run: new on its own (counted once, a lower bound)
        for (ExplorationJson.ViolationJson v : vs) {
            if (v.finding() != null) continue;
            String k = key(v.fingerprint(), v.oracle());
            if (v.fingerprint() != null && fresh.containsKey(k)) continue;
            if (v.fingerprint() == null && !classes.isEmpty()) continue; // its class stands for it
            fresh.putIfAbsent(k, newFinding(r, ledger, v.fingerprint(), v.shape() != null ? v.shape() : v.oracle() + " | " + v.message(), 1, v.seed(), v.shrunkSchedule() != null ? v.shrunkSchedule() : v.schedule()));
        }
        Set<String> seen = new LinkedHashSet<>(known.keySet());
        for (ExplorationJson.ViolationJson v : vs) if (v.finding() != null) seen.add(v.finding());
        if (classes.isEmpty()) for (ExplorationJson.ViolationJson v : vs) if (v.finding() != null) known.merge(v.finding(), 1, Integer::sum);
        List<String> missing = new ArrayList<>();
        if ("random".equals(r.strategy()))
            for (Finding f : ledger.expectedIn(r.scenario(), r.variant(), r.firstSeed(), r.lastSeed())) if (!seen.contains(f.id())) missing.add(f.id());
        return r.withAttribution(vs, cs, known, new ArrayList<>(fresh.values()), missing);
    }

    private static String key(String fingerprint, String fallback) {
        return fingerprint != null ? fingerprint : "unfingerprinted " + fallback;
    }

    private static ExplorationJson.NewFinding newFinding(ExplorationJson r, Ledger ledger, String fp, String shape, int count, long firstSeed, String schedule) {
        Finding elsewhere = fp == null ? null : ledger.elsewhere(fp, shape);
        String replay = schedule == null ? null : ReplayCommand.of(r.scenario(), !offloadsim.scenarios.catalog.ScenarioCatalog.names().contains(r.scenario()), r.variant(), Schedule.parse(schedule));
        return new ExplorationJson.NewFinding(fp, shape, count, firstSeed, replay, elsewhere == null ? null : elsewhere.id());
    }

    private static String idOf(Finding f) {
        return f == null ? null : f.id();
    }

    /** Whether the result fails under {@code failOn}: any violation, or a NEW class or a missing expected finding. */
    public static boolean fails(ExplorationJson r, FailOn failOn) {
        if (failOn == FailOn.ANY) return r.failures() > 0;
        return r.newFindings() != null && !r.newFindings().isEmpty() || r.missingFindings() != null && !r.missingFindings().isEmpty();
    }

    /**
     * The verdict line printed first: "NEW …" when something is not in the ledger, "MISSING …" when an
     * expected finding did not show, "KNOWN …" when every violation is attributed, or "no violation".
     */
    public static String firstLine(ExplorationJson r) {
        StringBuilder sb = new StringBuilder();
        if (r.newFindings() != null && !r.newFindings().isEmpty()) {
            ExplorationJson.NewFinding n = r.newFindings().getFirst();
            sb.append("NEW on ").append(r.variant()).append(": ").append(r.newFindings().size()).append(" class").append(r.newFindings().size() == 1 ? "" : "es")
              .append(" no ledger entry covers; first: ").append(n.shape()).append(" [fingerprint ").append(n.fingerprint()).append(", ").append(n.count())
              .append(" executions, first seed ").append(n.firstSeed()).append(n.knownElsewhereAs() == null ? "" : "; known as " + n.knownElsewhereAs() + " on other variants").append("]");
        } else if (r.missingFindings() != null && !r.missingFindings().isEmpty()) {
            sb.append("MISSING on ").append(r.variant()).append(": expected finding").append(r.missingFindings().size() == 1 ? " " : "s ")
              .append(String.join(", ", r.missingFindings())).append(" did not show");
        } else if (r.failures() > 0) {
            sb.append("KNOWN: ").append(r.failures()).append(" failing executions, every one attributed: ").append(r.knownFindings());
        } else {
            sb.append("no violation");
        }
        if (r.newFindings() != null && !r.newFindings().isEmpty() && r.missingFindings() != null && !r.missingFindings().isEmpty())
            sb.append("; MISSING ").append(String.join(", ", r.missingFindings()));
        return sb.toString();
    }

    /** "F-id" or "NEW" for a violation. */
    public static String label(ExplorationJson.ViolationJson v) {
        return v.finding() != null ? v.finding() : "NEW";
    }
}
