package offloadsim.sim.api;

import java.util.function.Supplier;

/**
 * The runtime that model code is written against. Everything that can make a run differ — task
 * switches, time, randomness, blocking, failures — goes through here, so one implementation can
 * drive it deterministically from a seed and another on real JVM threads.
 *
 * <p>Yield labels name the place in the production code the point stands for, e.g.
 * {@code "offload_timeline/shutdown_if_archived"}: traces then read in the production code's words.
 */
public interface Sim {

    /** Starts a task that runs {@code body}. Names need not be unique; the runtime makes them so. */
    TaskHandle spawn(String name, Runnable body);

    /** Like {@link #spawn} but the run does not wait for it: it may still be blocked when the run ends. */
    TaskHandle spawnDaemon(String name, Runnable body);

    /**
     * A point where the production code awaits ({@code .await} on something that may be pending):
     * the scheduler may run another task here.
     */
    void yieldPoint(String label);

    /**
     * A point between two critical sections with no await between them in the production code: another
     * OS thread of a multi-threaded runtime could run here. Only a scheduler in preemptive mode switches.
     */
    void preemptionPoint(String label);

    /** A mutex; {@code async=true} for one held across yield points (tokio::sync::Mutex). */
    SimMutex mutex(String name, boolean async);

    /** A one-shot gate: closed until opened, then stays open. */
    SimLatch latch(String name);

    /** A tokio::sync::Notify-like wake-up: a notification with nobody waiting is kept as one permit. */
    SimNotify notify(String name);

    /** A tenant or timeline gate (utils::sync::gate::Gate); see {@link SimGate}. */
    default SimGate gate(String name) {
        return new SimGate(this, name);
    }

    /** A shared cell read and written outside any mutex; its accesses are visible to the scheduler. */
    <T> SimVar<T> var(String name, T initial);

    CancellationToken cancellationToken(String name);

    /** Virtual time in nanoseconds since the start of the run. */
    long nowNanos();

    /** Sleeps for the given virtual time; a yield point. */
    void sleep(long nanos, String label);

    /** A seeded random draw in {@code [0, bound)}, recorded in the schedule. */
    int nextInt(int bound, String label);

    default boolean chance(double probability, String label) {
        return nextInt(1_000_000, label) < (int) Math.round(probability * 1_000_000);
    }

    /** The named failpoint: no-op, pause until released, or fail, as configured by the scenario. */
    void failpoint(String name);

    Failpoints failpoints();

    /** A labelled event for the trace, e.g. a state change ("timeline t1: Active -> Stopping"). */
    void event(String kind, String detail);

    /** Name of the task running this code ("main" outside tasks). */
    String currentTaskName();

    /** Runs {@code action} as one step no other task can interleave with (it must not yield). */
    default <T> T atomically(Supplier<T> action) {
        return action.get();
    }
}
