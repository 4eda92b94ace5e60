package offloadsim.model.timeline;

import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimVar;

/**
 * delete_progress: Arc&lt;tokio::sync::Mutex&lt;DeleteTimelineFlow&gt;&gt;, only ever try-locked. The owned
 * guard can move to another task (deletion hands it to its background part), so it is a shared flag
 * rather than an owner-checked mutex.
 */
public final class DeletionGuard {
    private final SimVar<Boolean> held;
    private final SimVar<String> flow;

    public DeletionGuard(Sim sim, String id) {
        held = sim.var("delete_progress " + id, false);
        flow = sim.var("delete_flow " + id, "NotStarted");
    }

    /** try_lock_owned: true if taken. */
    public boolean tryLock() {
        boolean[] taken = {false};
        held.update(h -> {
            taken[0] = !h;
            return true;
        });
        return taken[0];
    }

    public void release() {
        held.set(false);
    }

    public void markInProgress() {
        flow.set("InProgress");
    }

    public void markFinished() {
        flow.set("Finished");
    }

    public boolean peekHeld() {
        return held.peek();
    }

    public String peekFlow() {
        return flow.peek();
    }
}
