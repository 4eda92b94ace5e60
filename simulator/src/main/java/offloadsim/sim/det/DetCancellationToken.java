package offloadsim.sim.det;

import java.util.ArrayList;
import java.util.List;
import offloadsim.sim.api.CancellationToken;

/**
 * A cancellation token over a latch: cancel opens it, isCancelled and cancelled() read or await it.
 * Cancelling a cancelled token records only the read of its latch (it returns before opening anything),
 * so two cancels that find the token cancelled commute with each other and with every check of it;
 * the first cancel writes the latch and conflicts with every check and every later cancel.
 */
final class DetCancellationToken implements CancellationToken {
    private final DetSim sim;
    private final String name;
    private final DetLatch latch;
    private final List<DetCancellationToken> children = new ArrayList<>();

    DetCancellationToken(DetSim sim, String name) {
        this.sim = sim;
        this.name = name;
        this.latch = new DetLatch(sim, "cancel ", name, sim.newObject());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void cancel() {
        if (latch.isOpen()) return;
        latch.open();
        sim.event("cancel", name);
        for (DetCancellationToken c : children) c.cancel();
    }

    @Override
    public boolean isCancelled() {
        return latch.isOpen();
    }

    @Override
    public void cancelled(String label) {
        latch.await(label);
    }

    @Override
    public CancellationToken child(String childName) {
        DetCancellationToken c = new DetCancellationToken(sim, childName);
        children.add(c);
        if (latch.isOpen()) c.cancel();
        return c;
    }
}
