package offloadsim.model.timeline;

import offloadsim.model.Findings;
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

    public Timeline(Sim sim, Findings findings, String id, Timeline ancestor, String ancestorId, RemoteTimelineClient rc,
                    DeletionGuard guard, CancellationToken tenantCancel) {
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
        this.state = sim.var("timeline_state " + id, TimelineState.LOADING);
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

    // Rust: timeline.rs:1743-1864 Timeline::shutdown @49756a0d01; timeline.rs:1743-1864 @6149ac8834
    //   — always drains the upload queue first, as Rust does only in Reload and FreezeAndFlush; Rust's Hard mode
    //   (delete, detach) cancels and stops the queue at once (audit #3)
    public void shutdown() {
        remoteClient.shutdown();
        cancel.cancel();
        sim.yieldPoint("Timeline::shutdown/shutdown_tasks");
    }

    @Override
    public String toString() {
        return id;
    }
}
