package offloadsim.sim.explore;

import java.util.List;
import java.util.Map;
import offloadsim.sim.coverage.Coverage;

/**
 * What an exploration found.
 *
 * @param strategy              strategy name
 * @param strategyDescription   its parameters
 * @param executions            executions run
 * @param complete              the strategy explored its whole (bounded) space
 * @param steps                 steps over all executions
 * @param distinctInterleavings distinct step sequences seen
 * @param distinctFinalStates   distinct final states seen
 * @param distinctTraces        distinct Mazurkiewicz traces seen (interleavings up to reordering of
 *                              independent steps)
 * @param pruned                executions abandoned by partial-order reduction as equivalent to explored ones
 * @param failures              failing executions
 * @param firstFailureAt        1-based index of the first failing execution, or -1
 * @param failuresByOracle      failing executions per oracle, in the order first seen
 * @param found                 the failing runs kept (the first few per oracle)
 * @param elapsedNanos          wall time
 * @param classes               failing executions per class (the budget's {@code classOf}; by default the
 *                              oracle), in the order first seen, with the first seed of each
 * @param rechecked             executions replayed by the determinism self-check
 * @param coverage              the scheduling points the executions reached and the switches between them
 *                              (raw labels; {@link Coverage#EMPTY} when not recorded)
 */
public record Exploration(String strategy, String strategyDescription, long executions, boolean complete, long steps,
                          int distinctInterleavings, int distinctFinalStates, int distinctTraces, long pruned, int failures, long firstFailureAt,
                          Map<String, Integer> failuresByOracle, List<Found> found, long elapsedNanos,
                          List<FailureClass> classes, long rechecked, Coverage coverage) {

    public Exploration {
        if (coverage == null) coverage = Coverage.EMPTY;
    }

    public Exploration(String strategy, String strategyDescription, long executions, boolean complete, long steps,
                       int distinctInterleavings, int distinctFinalStates, int distinctTraces, long pruned, int failures, long firstFailureAt,
                       Map<String, Integer> failuresByOracle, List<Found> found, long elapsedNanos,
                       List<FailureClass> classes, long rechecked) {
        this(strategy, strategyDescription, executions, complete, steps, distinctInterleavings, distinctFinalStates, distinctTraces, pruned,
                failures, firstFailureAt, failuresByOracle, found, elapsedNanos, classes, rechecked, Coverage.EMPTY);
    }

    public Exploration(String strategy, String strategyDescription, long executions, boolean complete, long steps,
                       int distinctInterleavings, int distinctFinalStates, int distinctTraces, long pruned, int failures, long firstFailureAt,
                       Map<String, Integer> failuresByOracle, List<Found> found, long elapsedNanos) {
        this(strategy, strategyDescription, executions, complete, steps, distinctInterleavings, distinctFinalStates, distinctTraces, pruned,
                failures, firstFailureAt, failuresByOracle, found, elapsedNanos, List.of(), 0, Coverage.EMPTY);
    }

    /** Failing executions of one class: how many, and the seed of the first. */
    public record FailureClass(String key, int count, long firstSeed) {}

    /** A failing run: its seed, its 1-based execution index and the result (schedule, outcome). */
    public record Found(long seed, long execution, RunResult run) {}

    /**
     * Parts of one split exploration run side by side, as one: sums, the first failure of the first part
     * that failed, distinct counts summed (an upper bound: two parts may reach the same final state or,
     * split without sleep sets, equivalent runs; {@link #withDistinct} puts the union's counts), and the
     * failure classes merged by key in the order first seen (a class's first seed is its first part's).
     */
    public static Exploration combine(List<Exploration> parts, long elapsedNanos) {
        Exploration a = parts.getFirst();
        long executions = 0, steps = 0, pruned = 0, firstFailureAt = -1, before = 0;
        int interleavings = 0, finals = 0, traces = 0, failures = 0;
        boolean complete = true;
        Coverage coverage = Coverage.EMPTY;
        Map<String, Integer> byOracle = new java.util.LinkedHashMap<>();
        List<Found> found = new java.util.ArrayList<>();
        Map<String, FailureClass> classes = new java.util.LinkedHashMap<>();
        for (Exploration p : parts) {
            for (FailureClass c : p.classes())
                classes.merge(c.key(), c, (was, more) -> new FailureClass(was.key(), was.count() + more.count(), was.firstSeed()));
            if (firstFailureAt < 0 && p.firstFailureAt() >= 0) firstFailureAt = before + p.firstFailureAt();
            before += p.executions();
            executions += p.executions();
            steps += p.steps();
            pruned += p.pruned();
            interleavings += p.distinctInterleavings();
            finals += p.distinctFinalStates();
            traces += p.distinctTraces();
            failures += p.failures();
            complete &= p.complete();
            p.failuresByOracle().forEach((k, n) -> byOracle.merge(k, n, Integer::sum));
            found.addAll(p.found());
            coverage = coverage.union(p.coverage());
        }
        String description = a.strategyDescription().replaceFirst(" shard 0/\\d+.*$", "") + " split over " + parts.size() + " parts";
        return new Exploration(a.strategy(), description, executions, complete, steps, interleavings, finals, traces, pruned, failures,
                firstFailureAt, byOracle, found, elapsedNanos, List.copyOf(classes.values()), 0, coverage);
    }

    /** The same figures with the distinct counts of {@code seen} (the union of a split search's parts). */
    public Exploration withDistinct(Explorer.Distinct seen) {
        return new Exploration(strategy, strategyDescription, executions, complete, steps, seen.interleavings(), seen.finalStates(), seen.traces(), pruned,
                failures, firstFailureAt, failuresByOracle, found, elapsedNanos, classes, rechecked, coverage);
    }

    /** The same figures under another description, complete only if {@code complete}. */
    public Exploration withDescription(String description, boolean complete) {
        return new Exploration(strategy, description, executions, complete, steps, distinctInterleavings, distinctFinalStates, distinctTraces, pruned,
                failures, firstFailureAt, failuresByOracle, found, elapsedNanos, classes, rechecked, coverage);
    }

    public double executionsPerSecond() {
        return elapsedNanos == 0 ? 0 : executions * 1e9 / elapsedNanos;
    }
}
