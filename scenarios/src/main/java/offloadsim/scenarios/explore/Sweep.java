package offloadsim.scenarios.explore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.findings.Classifier;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;

/**
 * A long seeded exploration split over local cores: the seed range is cut into {@code jobs} contiguous
 * slices, each explored on its own thread with its own strategy instance (the simulator runs one execution
 * on one carrier; executions share nothing), and the slices' results are merged in seed order, so the
 * merged result is the same for any number of jobs (wall time aside; the distinct-interleaving, trace and
 * final-state counts are sums over slices, upper bounds of the union).
 */
public final class Sweep {

    private Sweep() {}

    public static Exploration run(Scenario s, Variant v, StrategySpec strategy, long first, long last, int jobs, double recheckRatio, Explorer.Progress progress) {
        if (jobs < 1) throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        if (strategy.name().equals("exhaustive")) throw new IllegalArgumentException("sweep splits seeds; the exhaustive search has none (use explore)");
        long count = last - first + 1;
        int n = (int) Math.max(1, Math.min(jobs, count));
        long start = System.nanoTime(); // determinism-ok: wall time is reported only
        long[] done = new long[n];
        int[] failing = new int[n];
        List<Callable<Exploration>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long from = first + count * i / n;
            long to = first + count * (i + 1) / n - 1;
            int slot = i;
            Explorer.Progress p = (d, planned, f) -> {
                synchronized (done) {
                    done[slot] = d;
                    failing[slot] = f;
                    long sum = 0;
                    int fs = 0;
                    for (int k = 0; k < n; k++) {
                        sum += done[k];
                        fs += failing[k];
                    }
                    progress.update(sum, count, fs);
                }
            };
            var budget = new Explorer.Budget(from, to - from + 1, false, 1).withClasses(Classifier.CLASS_OF).withRecheck(recheckRatio);
            parts.add(() -> Explorer.explore(s.program(v), strategy.create(), budget, s.runOptions(), p));
        }
        return merge(InOrder.run(n, "sweep", parts, e -> {}), System.nanoTime() - start);
    }

    /** Slices in seed order into one result: counts add up, each class keeps its earliest run. */
    static Exploration merge(List<Exploration> slices, long elapsedNanos) {
        Exploration a = slices.getFirst();
        long executions = 0, steps = 0, pruned = 0, firstFailureAt = -1, rechecked = 0;
        int interleavings = 0, finals = 0, traces = 0, failures = 0;
        boolean complete = true;
        offloadsim.sim.coverage.Coverage coverage = offloadsim.sim.coverage.Coverage.EMPTY;
        Map<String, Integer> byOracle = new LinkedHashMap<>();
        Map<String, Exploration.FailureClass> classes = new LinkedHashMap<>();
        Map<String, Exploration.Found> keptByClass = new LinkedHashMap<>();
        for (Exploration e : slices) {
            if (firstFailureAt < 0 && e.firstFailureAt() > 0) firstFailureAt = executions + e.firstFailureAt();
            for (Exploration.Found f : e.found())
                keptByClass.putIfAbsent(Classifier.CLASS_OF.apply(f.run().outcome()), new Exploration.Found(f.seed(), executions + f.execution(), f.run()));
            executions += e.executions();
            steps += e.steps();
            pruned += e.pruned();
            rechecked += e.rechecked();
            interleavings += e.distinctInterleavings();
            traces += e.distinctTraces();
            finals += e.distinctFinalStates();
            failures += e.failures();
            complete &= e.complete();
            coverage = coverage.union(e.coverage());
            e.failuresByOracle().forEach((k, c) -> byOracle.merge(k, c, Integer::sum));
            for (Exploration.FailureClass c : e.classes())
                classes.merge(c.key(), c, (x, y) -> new Exploration.FailureClass(x.key(), x.count() + y.count(), Math.min(x.firstSeed(), y.firstSeed())));
        }
        return new Exploration(a.strategy(), a.strategyDescription(), executions, complete, steps, interleavings, finals, traces, pruned, failures,
                firstFailureAt, byOracle, new ArrayList<>(keptByClass.values()), elapsedNanos, new ArrayList<>(classes.values()), rechecked, coverage);
    }
}
