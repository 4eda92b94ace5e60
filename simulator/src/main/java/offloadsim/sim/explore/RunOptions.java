package offloadsim.sim.explore;

import offloadsim.sim.trace.Trace;

/**
 * Limits and modes of one run.
 *
 * @param maxSteps   step budget; exceeding it ends the run as {@link Outcome.Kind#STEP_BUDGET} (oracle
 *                   {@code step-budget}): a livelock or an unbounded loop that yields
 * @param preemptive whether {@code preemptionPoint}s are scheduling points (a multi-threaded runtime)
 *                   or not (only awaits switch tasks)
 * @param traceLevel how much of the trace to keep
 * @param maxMillis  wall-time budget of one run, checked between steps; exceeding it ends the run as
 *                   {@link Outcome.Kind#STEP_BUDGET} with oracle {@code time-budget}. The one outcome that
 *                   depends on the machine rather than the schedule, so it is generous by default; a
 *                   single step that never yields cannot be interrupted (the runtime is cooperative)
 */
public record RunOptions(int maxSteps, boolean preemptive, Trace.Level traceLevel, long maxMillis) {

    public static final int DEFAULT_MAX_STEPS = 20_000;
    public static final long DEFAULT_MAX_MILLIS = 30_000;

    public RunOptions {
        if (maxSteps < 1) throw new IllegalArgumentException("step budget must be at least 1: " + maxSteps);
        if (maxMillis < 1) throw new IllegalArgumentException("time budget must be at least 1 ms: " + maxMillis);
    }

    public RunOptions(int maxSteps, boolean preemptive, Trace.Level traceLevel) {
        this(maxSteps, preemptive, traceLevel, DEFAULT_MAX_MILLIS);
    }

    public static RunOptions defaults() {
        return new RunOptions(DEFAULT_MAX_STEPS, true, Trace.Level.HASH_ONLY);
    }

    public RunOptions withTrace(Trace.Level level) {
        return new RunOptions(maxSteps, preemptive, level, maxMillis);
    }

    public RunOptions withPreemptive(boolean p) {
        return new RunOptions(maxSteps, p, traceLevel, maxMillis);
    }

    public RunOptions withMaxSteps(int n) {
        return new RunOptions(n, preemptive, traceLevel, maxMillis);
    }

    public RunOptions withMaxMillis(long ms) {
        return new RunOptions(maxSteps, preemptive, traceLevel, ms);
    }
}
