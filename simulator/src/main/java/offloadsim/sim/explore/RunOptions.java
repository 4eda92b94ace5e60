package offloadsim.sim.explore;

import offloadsim.sim.trace.Trace;

/**
 * Limits and modes of one run.
 *
 * @param maxSteps   step budget; exceeding it ends the run as {@link Outcome.Kind#STEP_BUDGET}
 * @param preemptive whether {@code preemptionPoint}s are scheduling points (a multi-threaded runtime)
 *                   or not (only awaits switch tasks)
 * @param traceLevel how much of the trace to keep
 */
public record RunOptions(int maxSteps, boolean preemptive, Trace.Level traceLevel) {

    public static final int DEFAULT_MAX_STEPS = 20_000;

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_MAX_STEPS, true, Trace.Level.HASH_ONLY);
    }

    public RunOptions withTrace(Trace.Level level) {
        return new RunOptions(maxSteps, preemptive, level);
    }

    public RunOptions withPreemptive(boolean p) {
        return new RunOptions(maxSteps, p, traceLevel);
    }

    public RunOptions withMaxSteps(int n) {
        return new RunOptions(n, preemptive, traceLevel);
    }
}
