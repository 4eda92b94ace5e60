package offloadsim.scenarios.findings;

import java.util.*;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;

/** Scratch: compares fingerprint shapes over the failures of one cell. */
public final class FingerprintProbe {
    public static void main(String[] a) {
        Scenario s = ScenarioCatalog.byName(a[0]);
        Variant v = Variant.byId(a[1]);
        long from = Long.parseLong(a[2]), to = Long.parseLong(a[3]);
        int attempts = a.length > 4 ? Integer.parseInt(a[4]) : Fingerprints.SHRINK_ATTEMPTS;
        Map<String, Map<String, Map<String, Integer>>> byGroup = new TreeMap<>(); // group -> variant -> shape -> n
        long t0 = System.nanoTime();
        int n = 0;
        for (long seed = from; seed <= to; seed++) {
            RunResult r = Explorer.runSeed(s.program(v), new RandomWalk(), seed, s.runOptions());
            if (!r.outcome().isFailure()) continue;
            var f = Fingerprints.of(s, v, r.schedule(), attempts);
            n++;
            String[] parts = f.fingerprint().shape().split(" \\| ", 3);
            String group = parts[0] + " | " + parts[1];
            List<String> pre = parts.length > 2 && !parts[2].isEmpty() ? Arrays.asList(parts[2].split(" ; ")) : List.of();
            TreeSet<String> b = new TreeSet<>(), c = new TreeSet<>();
            for (String p : pre) {
                String paused = p.split(" > ")[0];
                String lab = paused.substring(paused.indexOf('@') + 1);
                if (!lab.equals("start") && !lab.equals("(end of run)")) { b.add(paused); c.add(lab.split("/")[0]); }
            }
            Map<String, String> shapes = Map.of("A-full", parts.length > 2 ? parts[2] : "", "B-paused", b.toString(), "C-fn", c.toString(), "D-msg", "");
            var g = byGroup.computeIfAbsent(group, k -> new TreeMap<>());
            shapes.forEach((k, sh) -> g.computeIfAbsent(k, x -> new HashMap<>()).merge(sh, 1, Integer::sum));
        }
        System.out.println(n + " failures in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        byGroup.forEach((group, m) -> {
            System.out.println(group);
            m.forEach((k, shapes) -> {
                int total = shapes.values().stream().mapToInt(Integer::intValue).sum();
                int top = shapes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                System.out.printf("   %-9s %3d seeds, %3d shapes, top %d%%  top=%s%n", k, total, shapes.size(), 100 * top / total,
                        shapes.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey());
            });
        });
    }
}
