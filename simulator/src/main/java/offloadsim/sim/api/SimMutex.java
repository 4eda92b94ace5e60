package offloadsim.sim.api;

/**
 * A mutex with a recorded owner. Waiters are served first come, first served (like tokio::sync::Mutex).
 * Use with try-with-resources: {@code try (var g = m.lock()) { ... }}.
 */
public interface SimMutex {
    String name();

    /** Blocks (a scheduling point when contended) until held. */
    Guard lock();

    /** Takes the mutex if free, else returns null (tokio's try_lock). */
    Guard tryLock();

    /** The holding task's name, or null. */
    String owner();

    boolean isHeldByCurrentTask();

    /**
     * std::sync::Mutex poisoning: called for a synchronous mutex held by code that panics (the guard is
     * dropped during unwinding). Every later lock or try_lock panics with a PoisonError, as the Rust's
     * {@code lock().unwrap()} does. A no-op for an async (tokio) mutex, which has no poisoning.
     */
    void poison();

    /** Whether {@link #poison} marked this (synchronous) mutex. */
    boolean isPoisoned();

    /** The panic a lock attempt on a poisoned mutex raises (the message of lock().unwrap() on a PoisonError). */
    static Panic poisonError(String name) {
        return new Panic("called `Result::unwrap()` on an `Err` value: PoisonError { .. } (mutex " + name
                + " was poisoned by an earlier panic while held)");
    }

    /** Held lock; closing releases it. Closing twice is a bug and throws. */
    interface Guard extends AutoCloseable {
        @Override
        void close();
    }
}
