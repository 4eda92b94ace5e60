package offloadsim.sim.api;

import java.util.List;

/**
 * Named failpoints (Rust's fail crate / pausable_failpoint!). A scenario configures them; model code
 * calls {@link Sim#failpoint(String)} where the production code has one.
 */
public interface Failpoints {

    /** What a failpoint does when reached. */
    enum Mode { OFF, PAUSE, FAIL }

    void configure(String name, Mode mode);

    /** Fail with the given probability each time it is reached (drawn from the run's random source). */
    void failWithProbability(String name, double probability);

    Mode mode(String name);

    /** Waits until some task is paused at the failpoint; a yield point. */
    void awaitPaused(String name, String label);

    /** Turns a paused failpoint off and releases the tasks paused there. */
    void release(String name);

    /** How many times the failpoint was reached in this run (from a task, a read that every reach before it conflicts with). */
    int hits(String name);

    List<String> names();
}
