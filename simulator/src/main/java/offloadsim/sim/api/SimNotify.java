package offloadsim.sim.api;

/** tokio::sync::Notify: {@link #notifyOne} wakes one waiter or stores a single permit. */
public interface SimNotify {
    String name();

    void notifyOne();

    /** Waits for a notification (consumes the stored permit if there is one); a yield point. */
    void notified(String label);
}
