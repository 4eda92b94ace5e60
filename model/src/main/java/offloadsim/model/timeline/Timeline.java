package offloadsim.model.timeline;

import offloadsim.model.Findings;
import offloadsim.model.TaskMgr;
import offloadsim.model.remote.RemoteTimelineClient;
import offloadsim.sim.api.CancellationToken;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimMutex;
import offloadsim.sim.api.SimVar;

/** timeline.rs Timeline: state (a watch channel), cancellation, the deletion guard and its upload queue. */
public final class Timeline {
    private final Sim sim;
    private final Findings findings;
    public final String id;
    public final String ancestorId;
    /** The Arc to the ancestor the Rust keeps (may be a Timeline that has since left the map). */
    public final Timeline ancestor;
    public final RemoteTimelineClient remoteClient;
    public final CancellationToken cancel;
    /** delete_progress: shared with the OffloadedTimeline made from this timeline; only ever try-locked. */
    public final DeletionGuard deleteProgress;
    public final SimMutex compactionLock;
    public final SimMutex gcLock;
    private final SimVar<TimelineState> state;
    private final TaskMgr taskMgr;

    public Timeline(Sim sim, Findings findings, String id, Timeline ancestor, String ancestorId, RemoteTimelineClient rc,
                    DeletionGuard guard, CancellationToken tenantCancel, TaskMgr taskMgr, TimelineState initial) {
        this.sim = sim;
        this.findings = findings;
        this.id = id;
        this.ancestor = ancestor;
        this.ancestorId = ancestorId;
        this.remoteClient = rc;
        this.deleteProgress = guard;
        this.cancel = tenantCancel.child("timeline " + id);
        this.compactionLock = sim.mutex("compaction_lock " + id, true);
        this.gcLock = sim.mutex("gc_lock " + id, true);
        this.state = sim.var("timeline_state " + id, initial);
        this.taskMgr = taskMgr;
    }

    public TimelineState currentState() {
        return state.get();
    }

    /** Oracles' view between steps. */
    public TimelineState peekState() {
        return state.peek();
    }

    public boolean isActive() {
        return state.get() == TimelineState.ACTIVE;
    }

    // Rust: timeline.rs:1866-1884 Timeline::set_state @49756a0d01; timeline.rs:1866-1884 @6149ac8834
    //   — read, validate, then send_replace as a separate step (#10297): another thread may change the state in
    //   between, which is how Stopping can turn into Active
    public void setState(TimelineState next) {
        TimelineState seen = state.get();
        if (!allowed(seen, next)) return;
        sim.preemptionPoint("Timeline::set_state/between-read-and-replace");
        write(next);
    }

    // Rust: timeline.rs:1866-1884 Timeline::set_state @49756a0d01; timeline.rs:1866-1884 @6149ac8834
    //   — where the caller holds locks that exclude every other writer, so nothing can run between the read and the
    //   replace
    /** set_state inside a critical section (no preemption point between read and write is reachable). */
    public void setStateHoldingLocks(TimelineState next) {
        if (allowed(state.get(), next)) write(next);
    }

    private boolean allowed(TimelineState current, TimelineState next) {
        if (current == next) return false;
        if (next == TimelineState.LOADING || current == TimelineState.BROKEN) return false;
        return !(current == TimelineState.STOPPING && next == TimelineState.ACTIVE); // "Not activating a Stopping timeline"
    }

    private void write(TimelineState next) {
        TimelineState actual = state.get();
        if (actual == TimelineState.STOPPING && next != TimelineState.STOPPING && next != TimelineState.BROKEN)
            findings.stoppingTerminal(id, "Stopping -> " + next + " (set_state read an older state; #10297)");
        if (actual == TimelineState.BROKEN) findings.stoppingTerminal(id, "Broken -> " + next);
        state.set(next);
        sim.event("state", "timeline " + id + ": " + actual + " -> " + next);
    }

    // Rust: timeline.rs:1697-1711 Timeline::activate @49756a0d01; timeline.rs:1697-1711 @6149ac8834
    //   — set_state(Active) after starting the timeline's tasks; the broken/stopping filter is its callers'
    //   (Tenant::activate, unoffload_timeline), folded in here, and set_state refuses both states anyway
    public void activate() {
        TimelineState s = state.get();
        if (s != TimelineState.BROKEN && s != TimelineState.STOPPING) setState(TimelineState.ACTIVE);
    }

    // Rust: timeline.rs:1743-1864 shutdown @49756a0d01; timeline.rs:1743-1864 @6149ac8834
    /**
     * FreezeAndFlush and Reload first drain the upload queue (remote_client.shutdown()); every mode then
     * cancels, stops the queue (Hard: at once, dropping queued ops and failing barriers), cancels and joins
     * the timeline's upload tasks and then its other tasks (task_mgr::shutdown_tasks, as of when each scans).
     */
    public void shutdown(ShutdownMode mode) {
        if (mode.drains()) remoteClient.shutdown();
        cancel.cancel();
        remoteClient.stop();
        taskMgr.shutdownTasks(TaskMgr.Kind.REMOTE_UPLOAD_TASK, id, "Timeline::shutdown/shutdown_tasks(RemoteUploadTask)");
        taskMgr.shutdownTasks(null, id, "Timeline::shutdown/shutdown_tasks");
        sim.yieldPoint("Timeline::shutdown/gate close");
    }

    // Rust: timeline.rs:1886-1898 set_broken @49756a0d01; timeline.rs:1886-1898 @6149ac8834
    /** set_state(Broken), then the cancellation the Rust fires so no task has to watch for Broken. */
    public void setBroken(String reason) {
        sim.event("state", "timeline " + id + " set_broken: " + reason);
        setState(TimelineState.BROKEN);
        cancel.cancel();
    }

    @Override
    public String toString() {
        return id;
    }
}
