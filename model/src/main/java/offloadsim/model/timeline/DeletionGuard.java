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

    // Rust: delete.rs:382 DeleteTimelineFlow::prepare (try_lock_owned on delete_progress) @49756a0d01;
    //   delete.rs:385 (try_lock_owned on delete_progress) @6149ac8834
    /** try_lock_owned: true if taken. */
    public boolean tryLock() {
        boolean[] taken = {false};
        held.update(h -> {
            taken[0] = !h;
            return true;
        });
        return taken[0];
    }

    // Rust: none (dropping a DeletionGuard: the tokio OwnedMutexGuard it wraps unlocks delete_progress)
    public void release() {
        held.set(false);
    }

    // Rust: delete.rs:272-282 DeleteTimelineFlow::mark_in_progress @49756a0d01; delete.rs:274-284 @6149ac8834
    public void markInProgress() {
        flow.set("InProgress");
    }

    // Rust: delete.rs:470 DeleteTimelineFlow::background (the guard set to Finished) @49756a0d01;
    //   delete.rs:475 (the guard set to Finished) @6149ac8834
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
