package offloadsim.model.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import offloadsim.model.Findings;
import offloadsim.model.Variant;
import offloadsim.model.remote.IndexPart;
import offloadsim.model.remote.RemoteStorage;
import offloadsim.model.remote.RemoteTimelineClient;
import offloadsim.model.spec.WorldSpec;
import offloadsim.model.timeline.DeletionGuard;
import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.api.CancellationToken;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimLatch;
import offloadsim.sim.api.SimMutex;
import offloadsim.sim.api.SimNotify;
import offloadsim.sim.api.SimVar;
import offloadsim.sim.api.TaskHandle;

/**
 * tenant.rs Tenant: one attached instance (a generation). Lock order: timelines (L_T) →
 * timelines_offloaded (L_O) → timelines_creating (L_C), and L_T → upload queue (L_Q).
 */
public final class Tenant {
    final Sim sim;
    final Variant variant;
    final RemoteStorage remote;
    final Findings findings;
    final WorldSpec config;
    public final int generation;

    final SimVar<TenantState> state;
    final SimMutex lt;
    final SimMutex lo;
    final SimMutex lc;
    final SimMutex manifestLock;
    final SimMutex gcCs;
    final CancellationToken cancel;
    final SimLatch activated;
    final SimLatch shutdownDone;
    /** task_mgr tasks of this tenant in flight (compaction iterations): shutdown_tasks waits for them. */
    final SimVar<Integer> tasksInFlight;
    final SimNotify tasksDone;
    /** Guarded by lt. */
    final TreeMap<String, Timeline> timelines = new TreeMap<>();
    /** Guarded by lo. */
    final TreeMap<String, OffloadedTimeline> offloaded = new TreeMap<>();
    /** Guarded by lc. */
    final TreeSet<String> creating = new TreeSet<>();
    /** Guarded by manifestLock: the last manifest known to be in remote storage (null = None, HEAD before attach stashed one). */
    TreeSet<String> lastUploadedManifest;
    /** Why attach failed, or null. */
    String brokenReason;

    Tenant(Sim sim, Variant variant, RemoteStorage remote, Findings findings, WorldSpec config, int generation) {
        this.sim = sim;
        this.variant = variant;
        this.remote = remote;
        this.findings = findings;
        this.config = config;
        this.generation = generation;
        String g = " g" + generation;
        this.state = sim.var("tenant_state" + g, TenantState.ATTACHING);
        this.lt = sim.mutex("timelines" + g, false);
        this.lo = sim.mutex("timelines_offloaded" + g, false);
        this.lc = sim.mutex("timelines_creating" + g, false);
        this.manifestLock = sim.mutex("tenant_manifest_upload" + g, true);
        this.gcCs = sim.mutex("gc_cs" + g, true);
        this.cancel = sim.cancellationToken("tenant" + g);
        this.activated = sim.latch("tenant activated" + g);
        this.shutdownDone = sim.latch("tenant shutdown done" + g);
        this.tasksInFlight = sim.var("tenant tasks" + g, 0);
        this.tasksDone = sim.notify("tenant tasks done" + g);
    }

    /** A tenant task (the compaction loop's iteration) starts; called in the step of its Active check. */
    void enterTask() {
        tasksInFlight.update(n -> n + 1);
    }

    void exitTask() {
        if (tasksInFlight.update(n -> n - 1) == 0) tasksDone.notifyOne();
    }

    /** The runtime this tenant runs on (for the designs in offloadsim.model.variants). */
    public Sim sim() {
        return sim;
    }

    public TenantState currentState() {
        return state.get();
    }

    void setTenantState(TenantState next) {
        TenantState prev = state.get();
        state.set(next);
        sim.event("state", "tenant g" + generation + ": " + prev + " -> " + next);
    }

    Timeline newTimeline(String id, Timeline ancestor, String ancestorId, boolean archived, boolean atSetup) {
        RemoteTimelineClient rc = new RemoteTimelineClient(sim, id, ancestorId, remote, findings);
        if (atSetup) rc.initFromIndexAtSetup(archived);
        else rc.initUploadQueue(archived);
        return new Timeline(sim, findings, id, ancestor, ancestorId, rc, new DeletionGuard(sim, id), cancel);
    }

    // ------------------------------------------------------------------ attach

    /**
     * Rust: tenant.rs Tenant::preload + Tenant::attach + activate, from remote state only. With
     * {@code atSetup} it runs before any task (no yields); otherwise it awaits like the real attach.
     */
    static Tenant attach(Sim sim, Variant variant, RemoteStorage remote, Findings findings, WorldSpec config, int generation, boolean atSetup) {
        Tenant t = new Tenant(sim, variant, remote, findings, config, generation);
        if (!atSetup) sim.yieldPoint("Tenant::attach/list remote timelines and download manifest");
        RemoteStorage.Snapshot snap = atSetup ? remote.peek() : remote.snapshot();
        TreeMap<String, IndexPart> toLoad = new TreeMap<>();
        for (IndexPart ip : snap.indices().values()) {
            if (ip.deleted()) continue; // deletion would be resumed; the timeline is not loaded
            if (snap.manifest().contains(ip.timelineId())) {
                t.offloaded.put(ip.timelineId(), new OffloadedTimeline(ip.timelineId(), ip.ancestorId(), ip.archived(), new DeletionGuard(sim, ip.timelineId())));
            } else {
                toLoad.put(ip.timelineId(), ip);
            }
        }
        if (!atSetup) sim.yieldPoint("Tenant::attach/download index parts");
        // tree_sort_timelines: ancestors first; an ancestor that is not loaded fails the attach
        TreeMap<String, Timeline> loaded = new TreeMap<>();
        boolean progress = true;
        while (progress && loaded.size() < toLoad.size()) {
            progress = false;
            for (IndexPart ip : toLoad.values()) {
                if (loaded.containsKey(ip.timelineId())) continue;
                Timeline anc = ip.ancestorId() == null ? null : loaded.get(ip.ancestorId());
                if (ip.ancestorId() != null && anc == null) continue;
                loaded.put(ip.timelineId(), t.newTimeline(ip.timelineId(), anc, ip.ancestorId(), ip.archived(), atSetup));
                progress = true;
            }
        }
        if (loaded.size() < toLoad.size()) {
            List<String> missing = new ArrayList<>();
            for (IndexPart ip : toLoad.values()) if (!loaded.containsKey(ip.timelineId())) missing.add(ip.timelineId() + " (ancestor " + ip.ancestorId() + ")");
            t.brokenReason = "attach failed: missing ancestors for " + String.join(", ", missing);
            if (atSetup) t.state.set(TenantState.BROKEN);
            else t.setTenantState(TenantState.BROKEN);
            t.activated.open();
            return t;
        }
        t.timelines.putAll(loaded);
        String manifestError = variant.manifestAfterAttach(t, snap.manifest(), atSetup);
        if (manifestError != null) {
            t.brokenReason = "attach failed: tenant manifest upload: " + manifestError;
            t.setTenantState(TenantState.BROKEN);
            t.activated.open();
            return t;
        }
        if (!atSetup) t.setTenantState(TenantState.ACTIVATING);
        // Tenant::activate: background loops start, every timeline is activated
        for (Timeline tl : t.timelines.values()) {
            if (atSetup) tl.setStateHoldingLocks(TimelineState.ACTIVE);
            else tl.activate();
        }
        if (atSetup) t.state.set(TenantState.ACTIVE);
        else t.setTenantState(TenantState.ACTIVE);
        t.activated.open();
        return t;
    }

    // ------------------------------------------------------------------ get_timeline

    // Rust: tenant.rs Tenant::get_timeline — what page_service (endpoint start) calls with active_only=true
    public String getTimeline(String id, boolean activeOnly) {
        try (var g = lt.lock()) {
            Timeline t = timelines.get(id);
            if (t == null) return "NotFound";
            if (activeOnly && !t.isActive()) return "NotActive(" + t.currentState() + ")";
            return null;
        }
    }

    // Rust: tenant.rs wait_to_become_active (the HTTP handlers' first step)
    String waitToBecomeActive(String label) {
        TenantState s = state.get();
        if (s == TenantState.ATTACHING || s == TenantState.ACTIVATING) {
            if (!activated.await(30_000_000_000L, label)) return "Timeout";
            s = state.get();
        }
        return switch (s) {
            case ACTIVE -> null;
            case STOPPING -> "ShuttingDown";
            case BROKEN -> "Broken";
            default -> "NotActive";
        };
    }

    // ------------------------------------------------------------------ manifest

    // ------------------------------------------------------------------ shutdown

    /**
     * Rust: tenant.rs Tenant::shutdown (with set_stopping): Stopping for the tenant, then for every
     * timeline, timeline shutdowns joined, offloaded timelines defused, cancellation.
     */
    String shutdown() {
        if (state.get() == TenantState.ATTACHING) cancel.cancel();
        TenantState s = state.get();
        if (s == TenantState.ATTACHING || s == TenantState.ACTIVATING) activated.await("Tenant::set_stopping/wait while activating");
        boolean[] won = {false};
        TenantState now = state.update(cur -> {
            if (cur != TenantState.ACTIVE) return cur;
            won[0] = true;
            return TenantState.STOPPING;
        });
        if (won[0]) {
            sim.event("state", "tenant g" + generation + ": Active -> Stopping");
        } else if (now == TenantState.STOPPING) {
            shutdownDone.await("Tenant::shutdown/already stopping"); // Err(AlreadyStopping(barrier)): wait for it
            return null;
        }
        sim.preemptionPoint("Tenant::set_stopping/after tenant state");
        try (var g = lt.lock()) {
            for (Timeline t : timelines.values()) if (t.currentState() != TimelineState.BROKEN) t.setStateHoldingLocks(TimelineState.STOPPING);
        }
        sim.preemptionPoint("Tenant::shutdown/before timeline shutdowns");
        List<TaskHandle> joins = new ArrayList<>();
        try (var g = lt.lock()) {
            for (Timeline t : timelines.values()) joins.add(sim.spawn("shutdown " + t.id, t::shutdown));
        }
        sim.preemptionPoint("Tenant::shutdown/before defusing");
        try (var g = lo.lock()) {
            for (OffloadedTimeline o : offloaded.values()) o.defused = true;
        }
        for (TaskHandle j : joins) j.join();
        cancel.cancel();
        // task_mgr::shutdown_tasks(tenant): waits for the compaction loop, so for an offload in flight (notes §7 step 6)
        while (tasksInFlight.get() > 0) tasksDone.notified("Tenant::shutdown/shutdown_tasks");
        sim.yieldPoint("Tenant::shutdown/shutdown_tasks and gate close");
        shutdownDone.open();
        return null;
    }

    // ------------------------------------------------------------------ views for oracles and reports

    public TenantState peekState() {
        return state.peek();
    }

    public TreeMap<String, Timeline> peekTimelines() {
        return timelines;
    }

    public TreeMap<String, OffloadedTimeline> peekOffloaded() {
        return offloaded;
    }

    public TreeSet<String> peekCreating() {
        return creating;
    }

    public String brokenReason() {
        return brokenReason;
    }
}
