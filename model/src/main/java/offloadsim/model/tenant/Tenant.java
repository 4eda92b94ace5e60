package offloadsim.model.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import offloadsim.model.Findings;
import offloadsim.model.TaskMgr;
import offloadsim.model.Variant;
import offloadsim.model.remote.IndexPart;
import offloadsim.model.remote.RemoteStorage;
import offloadsim.model.remote.RemoteTimelineClient;
import offloadsim.model.spec.WorldSpec;
import offloadsim.model.timeline.DeletionGuard;
import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.ShutdownMode;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.api.CancellationToken;
import offloadsim.sim.api.Panic;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimGate;
import offloadsim.sim.api.SimLatch;
import offloadsim.sim.api.SimMutex;
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
    /** task_mgr's tasks of this tenant: compaction iterations, upload tasks, deletion workers. */
    final TaskMgr taskMgr;
    /** Tenant::gate: creation and unoffload hold it; shutdown closes it last and waits for them. */
    final SimGate gate;
    /** Guarded by lt. */
    final TreeMap<String, Timeline> timelines = new TreeMap<>();
    /** Guarded by lo. */
    final TreeMap<String, OffloadedTimeline> offloaded = new TreeMap<>();
    /** Guarded by lc. */
    final TreeSet<String> creating = new TreeSet<>();
    /** Guarded by manifestLock: the last manifest this instance uploaded (offloaded id → ancestor), None at first. */
    TreeMap<String, String> lastUploadedManifest;
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
        this.taskMgr = new TaskMgr(sim, "tenant" + g);
        this.gate = sim.gate("tenant" + g);
    }

    /** A tenant task (the compaction loop's iteration) starts: registered with task_mgr for shutdown_tasks. */
    TaskMgr.Task enterTask() {
        return taskMgr.register(TaskMgr.Kind.COMPACTION, null);
    }

    void exitTask(TaskMgr.Task t) {
        taskMgr.finished(t);
    }

    /**
     * A panic while holding the given std mutexes: each is poisoned (every later lock attempt panics with a
     * PoisonError), so the tenant is wedged, and the panic message says so.
     */
    Panic panicHolding(String message, SimMutex... held) {
        StringBuilder names = new StringBuilder();
        for (SimMutex m : held) {
            m.poison();
            names.append(names.isEmpty() ? "" : ", ").append(m.name());
        }
        if (held.length == 0) return new Panic(message);
        return new Panic(message + " [panicked holding std mutex " + names
                + ": poisoned, every later lock attempt panics with a PoisonError; tenant g" + generation + " is wedged]");
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

    // Rust: tenant.rs:4043-4085 create_timeline_struct @49756a0d01; tenant.rs:4052-4094 @6149ac8834
    /** A Loading timeline with a fresh client whose queue is initialized from the index (or as an empty remote). */
    Timeline newTimeline(String id, Timeline ancestor, String ancestorId, boolean archived, boolean atSetup) {
        RemoteTimelineClient rc = newClient(id, ancestorId);
        if (atSetup) rc.initFromIndexAtSetup(archived);
        else rc.initUploadQueue(archived);
        return new Timeline(sim, findings, id, ancestor, ancestorId, rc, new DeletionGuard(sim, id), cancel, taskMgr, TimelineState.LOADING);
    }

    /** build_timeline_client: a client of this generation, its queue Uninitialized. */
    RemoteTimelineClient newClient(String id, String ancestorId) {
        return new RemoteTimelineClient(sim, id, ancestorId, remote, findings, generation, taskMgr);
    }

    // ------------------------------------------------------------------ attach

    // Rust: tenant.rs:1498-1563 preload @49756a0d01; tenant.rs:1499-1564 @6149ac8834
    // Rust: tenant.rs:1570-1770 attach @49756a0d01; tenant.rs:1571-1771 @6149ac8834
    // Rust: tenant.rs:3226-3302 activate @49756a0d01; tenant.rs:3235-3311 @6149ac8834
    /**
     * From remote state only. A manifest entry whose prefix exists becomes offloaded without its index
     * being read (even a deleted one); entries without a prefix are dropped and the manifest re-uploaded.
     * Every other prefix's index is downloaded: deleted ones resume deletion, the rest load in ancestor
     * order (a missing ancestor breaks the attach). Activation holds timelines and timelines_offloaded.
     * With {@code atSetup} it runs before any task (no yields); otherwise it awaits like the real attach.
     */
    static Tenant attach(Sim sim, Variant variant, RemoteStorage remote, Findings findings, WorldSpec config, int generation, boolean atSetup) {
        Tenant t = new Tenant(sim, variant, remote, findings, config, generation);
        return t.attach(atSetup);
    }

    /** tenant_spawn: the Attaching instance, which the tenant map holds while {@link #attach(boolean)} runs. */
    static Tenant spawn(Sim sim, Variant variant, RemoteStorage remote, Findings findings, WorldSpec config, int generation) {
        return new Tenant(sim, variant, remote, findings, config, generation);
    }

    Tenant attach(boolean atSetup) {
        Tenant t = this;
        if (!atSetup) sim.yieldPoint("Tenant::attach/list remote timelines and download manifest");
        RemoteStorage.Snapshot snap = atSetup ? remote.peek() : remote.snapshot(t.generation);
        TreeMap<String, OffloadedTimeline> offloadedList = new TreeMap<>();
        for (var e : snap.manifestEntries().entrySet()) {
            String id = e.getKey();
            if (!snap.indices().containsKey(id)) continue; // no remote prefix: a dangling entry, dropped
            offloadedList.put(id, new OffloadedTimeline(id, e.getValue(), true, new DeletionGuard(sim, id)));
        }
        boolean needsManifestUpload = offloadedList.size() != snap.manifestEntries().size();
        TreeMap<String, IndexPart> toLoad = new TreeMap<>();
        List<IndexPart> toResumeDeletion = new ArrayList<>();
        for (IndexPart ip : snap.indices().values()) {
            if (snap.manifestEntries().containsKey(ip.timelineId())) continue; // offloaded: its index is not downloaded
            if (ip.deleted()) toResumeDeletion.add(ip);
            else toLoad.put(ip.timelineId(), ip);
        }
        if (atSetup && (needsManifestUpload || !toResumeDeletion.isEmpty()))
            throw new IllegalStateException("the set-up world must not need a manifest upload or a resumed deletion");
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
            return t.failAttach("attach failed: missing ancestors for " + String.join(", ", missing), atSetup);
        }
        if (atSetup) {
            t.timelines.putAll(loaded);
            t.offloaded.putAll(offloadedList);
            variant.manifestAfterAttach(t, snap.manifestEntries(), false, true);
        } else {
            try (var g = t.lt.lock()) {
                t.timelines.putAll(loaded);
            }
            for (IndexPart ip : toResumeDeletion) DeleteTimelineFlow.resumeDeletion(t, ip);
            try (var g = t.lo.lock()) {
                t.offloaded.putAll(offloadedList);
            }
            String err = variant.manifestAfterAttach(t, snap.manifestEntries(), needsManifestUpload, false);
            if (err != null) return t.failAttach("attach failed: tenant manifest upload: " + err, false);
            t.setTenantState(TenantState.ACTIVATING);
        }
        // Tenant::activate: under timelines and timelines_offloaded, every timeline that is neither broken
        // nor stopping is activated, then the tenant becomes Active
        try (var gt = atSetup ? null : t.lt.lock(); var go = atSetup ? null : t.lo.lock()) {
            for (Timeline tl : t.timelines.values()) {
                TimelineState s = tl.currentState();
                if (s == TimelineState.BROKEN || s == TimelineState.STOPPING) continue;
                tl.setStateHoldingLocks(TimelineState.ACTIVE);
            }
            if (atSetup) t.state.set(TenantState.ACTIVE);
            else t.setTenantState(TenantState.ACTIVE);
        }
        t.activated.open();
        return t;
    }

    private Tenant failAttach(String reason, boolean atSetup) {
        brokenReason = reason;
        if (atSetup) state.set(TenantState.BROKEN);
        else setTenantState(TenantState.BROKEN);
        activated.open();
        return this;
    }

    // ------------------------------------------------------------------ get_timeline

    // Rust: tenant.rs:2273-2295 Tenant::get_timeline @49756a0d01; tenant.rs:2274-2296 @6149ac8834
    //   — what page_service (endpoint start) calls with active_only=true
    public String getTimeline(String id, boolean activeOnly) {
        try (var g = lt.lock()) {
            Timeline t = timelines.get(id);
            if (t == null) return "NotFound";
            if (activeOnly && !t.isActive()) return "NotActive(" + t.currentState() + ")";
            return null;
        }
    }

    // Rust: tenant.rs:3584-3628 wait_to_become_active @49756a0d01; tenant.rs:3593-3637 @6149ac8834
    /** The HTTP handlers' first step (timeline create, archival config, delete). */
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

    // Rust: tenant.rs:3316-3427 shutdown @49756a0d01; tenant.rs:3325-3436 @6149ac8834
    // Rust: tenant.rs:3437-3514 set_stopping @49756a0d01; tenant.rs:3446-3523 @6149ac8834
    /**
     * Stopping for the tenant, then for every timeline; timeline shutdowns (in {@code mode}, Hard if the
     * tenant was still Attaching) joined; offloaded timelines defused; cancellation; task_mgr::shutdown_tasks
     * for the tenant (the tasks registered when it scans); walredo; last, the gate is closed and every
     * holder (a creation, an unoffload) awaited.
     */
    String shutdown(ShutdownMode requested) {
        ShutdownMode mode = requested;
        if (state.get() == TenantState.ATTACHING) {
            cancel.cancel();
            mode = ShutdownMode.HARD;
        }
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
        ShutdownMode timelineMode = mode;
        try (var g = lt.lock()) {
            for (Timeline t : timelines.values()) joins.add(sim.spawn("shutdown " + t.id, () -> t.shutdown(timelineMode)));
        }
        sim.preemptionPoint("Tenant::shutdown/before defusing");
        try (var g = lo.lock()) {
            for (OffloadedTimeline o : offloaded.values()) o.defused = true;
        }
        for (TaskHandle j : joins) j.join();
        cancel.cancel();
        // task_mgr::shutdown_tasks(tenant): compaction iterations (so an offload in flight), upload tasks and
        // deletion workers registered by now; a task spawned after this scan outlives the shutdown
        taskMgr.shutdownTasks(null, null, "Tenant::shutdown/shutdown_tasks");
        sim.yieldPoint("Tenant::shutdown/walredo shutdown");
        gate.close("Tenant::shutdown/gate close");
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

    /** The tenant's std mutexes a panic poisoned: non-empty means the tenant is wedged (every later lock attempt panics). */
    public List<String> poisonedLocks() {
        List<String> l = new ArrayList<>();
        for (SimMutex m : List.of(lt, lo, lc)) if (m.isPoisoned()) l.add(m.name());
        return l;
    }

    /** Holders of the tenant gate right now (reports and tests). */
    public int peekGateHolders() {
        return gate.peekHolders();
    }

    public TaskMgr taskMgr() {
        return taskMgr;
    }
}
