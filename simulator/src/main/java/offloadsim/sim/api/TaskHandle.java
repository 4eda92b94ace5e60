package offloadsim.sim.api;

/** A spawned task. */
public interface TaskHandle {
    String name();

    /** Waits (a yield point) until the task has ended, however it ended. */
    void join();

    boolean isDone();

    /** The exception the task ended with, or null. */
    Throwable failure();
}
