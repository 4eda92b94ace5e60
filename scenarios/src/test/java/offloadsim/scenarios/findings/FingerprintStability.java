package offloadsim.scenarios.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.verdict.Expectation;
import offloadsim.scenarios.verdict.ExpectedVerdicts;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;

/**
 * Measures the fingerprint (README "Findings"): for every catalog bug cell, the first {@code n} seeds
 * whose random walk fails the cell's expected oracle; for archival-chaos on a variant, the first
 * {@code n} seeds of every class (oracle and scrubbed message) that has at least {@code n} in the range.
 * Each failure is shrunk and fingerprinted; a group is one race found from n seeds, and its figure is the
 * share of the most common fingerprint. Distinctness: the most common fingerprints of groups that the
 * ledger attributes to different findings must differ. Run:
 * {@code FingerprintStabilityTest} (small budget, asserts) or, for the README figures,
 * {@code java -cp … offloadsim.scenarios.findings.FingerprintStability 20 20000 fix-10305}.
 */
public final class FingerprintStability {

    /** One race found from several seeds: how many, how many fingerprints, the modal one's share, its finding. */
    public record Group(String name, int seeds, int fingerprints, double modalShare, String modal, String modalShape, String finding, int attributedToModalFinding) {
        @Override
        public String toString() {
            return String.format("%-78s %3d seeds  %2d fingerprints  modal %5.1f%%  %s  finding %s (%d of %d)", name, seeds, fingerprints, 100 * modalShare, modal, finding,
                    attributedToModalFinding, seeds);
        }
    }

    private FingerprintStability() {}

    public static List<Group> catalog(int n, long maxSeed, int attempts) {
        ExpectedVerdicts table = ExpectedVerdicts.load();
        List<Group> out = new ArrayList<>();
        for (Scenario s : ScenarioCatalog.all()) {
            if (s.name().equals("archival-chaos")) continue;
            for (Variant v : Variant.values()) {
                Expectation e = table.expectation(s.name(), v);
                if (e.verdict() != Expectation.Verdict.BUG) continue;
                List<Fingerprints.Fingerprinted> fps = new ArrayList<>();
                for (long seed = 1; seed <= maxSeed && fps.size() < n; seed++) {
                    RunResult r = Explorer.runSeed(s.program(v), new RandomWalk(), seed, s.runOptions());
                    if (r.outcome().isFailure() && e.oracle().equals(r.outcome().oracle())) fps.add(Fingerprints.of(s, v, r.schedule(), attempts));
                }
                if (!fps.isEmpty()) out.add(group(s.name() + "/" + v.id() + " " + e.oracle(), v, fps));
            }
        }
        return out;
    }

    public static List<Group> chaos(Variant v, int n, long lastSeed, int attempts) {
        Scenario s = ScenarioCatalog.byName("archival-chaos");
        Map<String, List<RunResult>> byClass = new TreeMap<>();
        for (long seed = 1; seed <= lastSeed; seed++) {
            RunResult r = Explorer.runSeed(s.program(v), new RandomWalk(), seed, s.runOptions().withTrace(offloadsim.sim.trace.Trace.Level.HASH_ONLY));
            if (!r.outcome().isFailure()) continue;
            List<RunResult> l = byClass.computeIfAbsent(Classifier.CLASS_OF.apply(r.outcome()), k -> new ArrayList<>());
            if (l.size() < n) l.add(r);
        }
        List<Group> out = new ArrayList<>();
        byClass.forEach((k, runs) -> {
            if (runs.size() < n) return;
            List<Fingerprints.Fingerprinted> fps = new ArrayList<>();
            for (RunResult r : runs) fps.add(Fingerprints.of(s, v, r.schedule(), attempts));
            out.add(group("archival-chaos/" + v.id() + " " + k, v, fps));
        });
        return out;
    }

    private static Group group(String name, Variant v, List<Fingerprints.Fingerprinted> fps) {
        Ledger ledger = Ledger.load();
        Map<String, Integer> count = new LinkedHashMap<>();
        Map<String, String> shapes = new LinkedHashMap<>();
        Map<String, Integer> findings = new LinkedHashMap<>();
        for (var f : fps) {
            count.merge(f.fingerprint().id(), 1, Integer::sum);
            shapes.putIfAbsent(f.fingerprint().id(), f.fingerprint().shape());
            Finding got = ledger.attribute(v.id(), f.fingerprint().id(), f.fingerprint().shape());
            findings.merge(got == null ? "NEW" : got.id(), 1, Integer::sum);
        }
        var modal = count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        var modalFinding = findings.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return new Group(name, fps.size(), count.size(), (double) modal.getValue() / fps.size(), modal.getKey(), shapes.get(modal.getKey()), modalFinding.getKey(), modalFinding.getValue());
    }

    /** Pairs of groups with the same modal fingerprint that the ledger puts under different findings (should be none). */
    public static List<String> collisions(List<Group> groups) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++)
            for (int j = i + 1; j < groups.size(); j++)
                if (groups.get(i).modal().equals(groups.get(j).modal()) && !groups.get(i).finding().equals(groups.get(j).finding()))
                    out.add(groups.get(i).name() + " and " + groups.get(j).name());
        return out;
    }

    public static void main(String[] a) {
        if (a.length < 2) throw new IllegalArgumentException("usage: FingerprintStability SEEDS-PER-RACE CHAOS-LAST-SEED [VARIANT...]");
        int n = Integer.parseInt(a[0]);
        long chaosSeeds = Long.parseLong(a[1]);
        List<Group> all = new ArrayList<>();
        List<Group> cat = catalog(n, 200_000, Fingerprints.SHRINK_ATTEMPTS);
        cat.forEach(System.out::println);
        all.addAll(cat);
        for (int i = 2; i < a.length; i++) {
            List<Group> ch = chaos(Variant.byId(a[i]), n, chaosSeeds, Classifier.SHRINK_ATTEMPTS);
            ch.forEach(System.out::println);
            all.addAll(ch);
        }
        List<Group> full = all.stream().filter(g -> g.seeds() >= n).toList();
        long stable = full.stream().filter(g -> g.modalShare() >= 0.9).count();
        long attributed = full.stream().filter(g -> g.attributedToModalFinding() >= 0.9 * g.seeds()).count();
        double mean = full.stream().mapToDouble(Group::modalShare).average().orElse(0);
        System.out.printf("%nraces found from >= %d seeds: %d; one fingerprint in >= 90%% of seeds: %d of them; mean modal share %.1f%%; one finding in >= 90%%: %d%n",
                n, full.size(), stable, 100 * mean, attributed);
        System.out.println("distinct findings with the same modal fingerprint: " + collisions(all));
        Map<String, String> modalByFinding = new TreeMap<>();
        for (Group g : all) modalByFinding.merge(g.finding(), g.modal(), (x, y) -> x.contains(y) ? x : x + "," + y);
        System.out.println("modal fingerprints per finding: " + modalByFinding);
    }
}
