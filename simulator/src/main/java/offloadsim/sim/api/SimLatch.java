package offloadsim.sim.api;

/** A one-shot gate (a closed semaphore, a dropped sender, a cancelled token): waiters pass once opened. */
public interface SimLatch {
    String name();

    void open();

    boolean isOpen();

    /** Waits until open; a yield point. */
    void await(String label);

    /** Waits until open or until the virtual timeout passes; returns false on timeout. */
    boolean await(long timeoutNanos, String label);
}
