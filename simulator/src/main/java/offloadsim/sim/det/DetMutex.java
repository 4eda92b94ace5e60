package offloadsim.sim.det;

import java.util.ArrayDeque;
import offloadsim.sim.api.Panic;
import offloadsim.sim.api.SimMutex;
import offloadsim.sim.api.Texts;

/**
 * FIFO mutex: on release the lock is handed straight to the longest waiter. Lock, a successful try_lock,
 * unlock and poison write the mutex's object; owner() reads it. A try_lock refused because the mutex is
 * held records a read: it leaves owner, waiters and poison as they were and returns null, so it commutes
 * with every other read-only access (owner(), another refused try_lock) and still conflicts with the
 * lock, unlock or poison that could change its answer.
 */
final class DetMutex implements SimMutex {
    private final DetSim sim;
    private final String name;
    private final boolean async;
    private final int object;
    private final ArrayDeque<DetTask> waiters = new ArrayDeque<>();
    private DetTask owner;
    private boolean poisoned;
    /** The label a contended lock waits at, made on first contention (most mutexes never are). */
    private String lockLabel;

    DetMutex(DetSim sim, String name, boolean async, int object) {
        this.sim = sim;
        this.name = name;
        this.async = async;
        this.object = object;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Guard lock() {
        DetTask me = sim.requireTask("lock", name);
        sim.footprint().write(object);
        if (owner == me) throw new Panic("task " + me.name + " locks " + name + " it already holds (self-deadlock)");
        if (poisoned) throw SimMutex.poisonError(name);
        if (owner == null) {
            take(me);
        } else {
            waiters.add(me);
            sim.block(new DetSim.WaitFor("mutex", name, "(held by " + owner.name + ")"), object, lockLabel(), -1);
            // unlock() handed the mutex over to us
            if (poisoned) {
                release();
                throw SimMutex.poisonError(name);
            }
        }
        return new DetGuard();
    }

    @Override
    public Guard tryLock() {
        DetTask me = sim.requireTask("try_lock", name);
        if (owner != null) {
            // Refused: it only looked at the owner (see the class comment), a read.
            sim.footprint().read(object);
            return null;
        }
        sim.footprint().write(object);
        if (poisoned) throw SimMutex.poisonError(name);
        take(me);
        return new DetGuard();
    }

    private String lockLabel() {
        if (lockLabel == null) lockLabel = Texts.join("lock ", name);
        return lockLabel;
    }

    private void take(DetTask t) {
        owner = t;
        if (!async) t.syncHeld++;
        sim.trace().event(sim.step(), t.name, "lock", name);
    }

    private void release() {
        DetTask me = sim.currentTask();
        if (owner == null || (me != null && owner != me))
            throw new IllegalStateException("unlock of " + name + " by " + (me == null ? "main" : me.name) + " which does not hold it");
        sim.footprint().write(object);
        if (!async) owner.syncHeld--;
        sim.trace().event(sim.step(), owner.name, "unlock", name);
        owner = null;
        DetTask next = waiters.poll();
        if (next != null) {
            take(next);
            sim.wake(next);
        }
    }

    @Override
    public String owner() {
        sim.footprint().read(object);
        return owner == null ? null : owner.name;
    }

    @Override
    public void poison() {
        if (async) return;
        sim.footprint().write(object);
        poisoned = true;
    }

    @Override
    public boolean isPoisoned() {
        sim.footprint().read(object); // its answer changes only with poison(), which writes the object
        return poisoned;
    }

    @Override
    public boolean isHeldByCurrentTask() {
        return owner != null && owner == sim.currentTask();
    }

    private final class DetGuard implements Guard {
        private boolean closed;

        @Override
        public void close() {
            if (closed) throw new IllegalStateException("guard of " + name + " closed twice");
            closed = true;
            release();
        }
    }
}
