package offloadsim.sim.api;

/**
 * A panic of the production code (Rust {@code panic!}, {@code expect}, {@code unreachable!}). The
 * runtime reports it as an outcome naming the task and the last yield label.
 */
public class Panic extends RuntimeException {
    public Panic(String message) {
        super(message);
    }
}
