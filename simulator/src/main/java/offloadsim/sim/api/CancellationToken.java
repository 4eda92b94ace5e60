package offloadsim.sim.api;

/** tokio_util's CancellationToken: cancelling a token cancels its children. */
public interface CancellationToken {
    String name();

    void cancel();

    boolean isCancelled();

    /** Waits until cancelled; a yield point. */
    void cancelled(String label);

    CancellationToken child(String name);
}
