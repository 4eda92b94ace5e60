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

    /** Held lock; closing releases it. Closing twice is a bug and throws. */
    interface Guard extends AutoCloseable {
        @Override
        void close();
    }
}
