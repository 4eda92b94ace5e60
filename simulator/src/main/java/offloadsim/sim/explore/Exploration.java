package offloadsim.sim.explore;

import java.util.List;
import java.util.Map;

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
 */
public record Exploration(String strategy, String strategyDescription, long executions, boolean complete, long steps,
                          int distinctInterleavings, int distinctFinalStates, int distinctTraces, long pruned, int failures, long firstFailureAt,
                          Map<String, Integer> failuresByOracle, List<Found> found, long elapsedNanos,
                          List<FailureClass> classes, long rechecked) {

    public Exploration(String strategy, String strategyDescription, long executions, boolean complete, long steps,
                       int distinctInterleavings, int distinctFinalStates, int distinctTraces, long pruned, int failures, long firstFailureAt,
                       Map<String, Integer> failuresByOracle, List<Found> found, long elapsedNanos) {
        this(strategy, strategyDescription, executions, complete, steps, distinctInterleavings, distinctFinalStates, distinctTraces, pruned,
                failures, firstFailureAt, failuresByOracle, found, elapsedNanos, List.of(), 0);
    }

    /** Failing executions of one class: how many, and the seed of the first. */
    public record FailureClass(String key, int count, long firstSeed) {}

    /** A failing run: its seed, its 1-based execution index and the result (schedule, outcome). */
    public record Found(long seed, long execution, RunResult run) {}

    public double executionsPerSecond() {
        return elapsedNanos == 0 ? 0 : executions * 1e9 / elapsedNanos;
    }
}
