package offloadsim.sim.det;

import java.util.ArrayList;
import java.util.List;
import offloadsim.sim.api.SimLatch;

final class DetLatch implements SimLatch {
    private final DetSim sim;
    private final String name;
    private final int object;
    private final List<DetTask> waiters = new ArrayList<>();
    private boolean open;

    DetLatch(DetSim sim, String name, int object) {
        this.sim = sim;
        this.name = name;
        this.object = object;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void open() {
        sim.footprint().write(object);
        if (open) return;
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
        DetTask me = sim.requireTask("await " + name);
        sim.footprint().read(object);
        if (open) return true;
        waiters.add(me);
        boolean woken = sim.block("latch " + name, object, label, timeoutNanos);
        if (!woken) waiters.remove(me);
        return woken;
    }
}
