package offloadsim.sim.det;

import java.util.ArrayDeque;
import offloadsim.sim.api.SimNotify;

final class DetNotify implements SimNotify {
    private final DetSim sim;
    private final String name;
    private final int object;
    private final ArrayDeque<DetTask> waiters = new ArrayDeque<>();
    private boolean permit;

    DetNotify(DetSim sim, String name, int object) {
        this.sim = sim;
        this.name = name;
        this.object = object;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * With nobody waiting and a permit already stored, a notify changes nothing (tokio keeps one permit, not
     * a count): it records a read. Independence: the permit stays stored and the waiter list empty in either
     * order with another read-only notify, and the notifying task goes on the same way; it depends on the
     * notify that stored the permit and on the notified() that consumes it (both writes).
     */
    @Override
    public void notifyOne() {
        if (waiters.isEmpty() && permit) {
            sim.footprint().read(object);
            return;
        }
        sim.footprint().write(object);
        DetTask t = waiters.poll();
        if (t != null) sim.wake(t);
        else permit = true;
    }

    @Override
    public void notified(String label) {
        DetTask me = sim.requireTask("notified", name);
        sim.footprint().write(object);
        if (permit) {
            permit = false;
            return;
        }
        waiters.add(me);
        sim.block(new DetSim.WaitFor("notify", name, null), object, label, -1);
    }
}
