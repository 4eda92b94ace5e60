package offloadsim.sim.det;

import java.util.ArrayList;
import java.util.List;
import offloadsim.sim.api.SimLatch;

final class DetLatch implements SimLatch {
    private final DetSim sim;
    /** The name is {@code prefix + name} when a prefix is given, joined only when asked for. */
    private final String prefix;
    private final String name;
    private final int object;
    private final List<DetTask> waiters = new ArrayList<>();
    private boolean open;

    DetLatch(DetSim sim, String name, int object) {
        this(sim, null, name, object);
    }

    DetLatch(DetSim sim, String prefix, String name, int object) {
        this.sim = sim;
        this.prefix = prefix;
        this.name = name;
        this.object = object;
    }

    @Override
    public String name() {
        return prefix == null ? name : prefix + name;
    }

    /**
     * Opening an open latch only looks at it: it records a read, not a write. Independence: the flag stays
     * set and an open latch has no waiters, so the state after it is the state before it, and its task goes
     * on the same way whatever other read-only access (an await or isOpen that finds it open, another
     * such open) runs before or after it. It still depends on the open that set the flag (before that one
     * it would have been the opener), and the read records exactly that.
     */
    @Override
    public void open() {
        if (open) {
            sim.footprint().read(object);
            return;
        }
        sim.footprint().write(object);
        open = true;
        for (DetTask t : waiters) sim.wake(t);
        waiters.clear();
    }

    @Override
    public boolean isOpen() {
        sim.footprint().read(object);
        return open;
    }

    @Override
    public void await(String label) {
        await(-1, label);
    }

    @Override
    public boolean await(long timeoutNanos, String label) {
        DetTask me = sim.requireTask("await", name());
        sim.footprint().read(object);
        if (open) return true;
        waiters.add(me);
        boolean woken = sim.block(new DetSim.WaitFor("latch", name(), null), object, label, timeoutNanos);
        if (!woken) waiters.remove(me);
        return woken;
    }
}
