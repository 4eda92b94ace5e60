package offloadsim.sim.strategy;

/**
 * Decides every choice of a run: which runnable task goes next and what a random draw returns.
 * Shaped like shuttle's scheduler: start an execution, pick tasks, give values; plus feedback about
 * each executed step for the strategies that need it (partial-order reduction).
 */
public interface Strategy {

    /** Returned by {@link #pickTask} to abandon the execution (partial-order reduction found it redundant). */
    int PRUNE = -1;

    /** Short name used on the command line and in reports ("random", "pct", "exhaustive", "replay"). */
    String name();

    /**
     * Prepares the next execution. {@code seed} identifies it (the explorer passes consecutive seeds).
     * Returns false when the strategy has nothing more to explore.
     */
    boolean beginExecution(long seed);

    /**
     * Index into {@code point.runnable()} of the task to run next, or {@link #PRUNE}; called only when
     * there is a choice.
     */
    int pickTask(SchedulingPoint point);

    /**
     * Called instead of {@link #pickTask} when a single task can run: true abandons the execution (the task
     * is asleep in a partial-order reduction).
     */
    default boolean pruneSoleRunnable(int taskId) {
        return false;
    }

    /** A value in {@code [0, bound)} for a random draw of the code under test. */
    int pickInt(int bound, String label);

    /** Called after every executed step, with its footprint (only if {@link #readsSteps}). */
    default void afterStep(StepRecord step) {}

    /**
     * Whether the strategy reads what {@link #afterStep} and {@link #oracleObserved} report. False lets the
     * runtime skip building a record per step (a footprint kept per step, the runnable ids) that nobody reads.
     */
    default boolean readsSteps() {
        return true;
    }

    /**
     * What the per-step oracles read through the runtime after a step (objects read outside any task). A
     * reduction that explores one interleaving per trace must keep the order of steps that change what
     * the oracles look at, or it could skip the intermediate state an invariant fails in.
     */
    default void oracleObserved(Footprint observed) {}

    /** Called when the execution has ended, however it ended. */
    default void endExecution(boolean violated) {}

    /**
     * Whether an execution depends only on its seed, never on earlier executions of the same instance: then a
     * fresh instance runs any seed exactly as this one would, and executions can be spread over threads.
     */
    default boolean independentExecutions() {
        return false;
    }

    /** True once the whole (bounded) space the strategy covers has been explored. */
    default boolean exhausted() {
        return false;
    }

    /** One line describing the parameters, for reports ("pct depth=3 maxSteps=412"). */
    default String describe() {
        return name();
    }
}
