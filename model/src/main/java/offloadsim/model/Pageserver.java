package offloadsim.model;

import java.util.Set;
import offloadsim.model.oracles.ModelOracles;
import offloadsim.model.remote.IndexPart;
import offloadsim.model.remote.RemoteStorage;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.model.spec.WorldSpec;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.tenant.TenantOps;
import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.ShutdownMode;
import offloadsim.model.timeline.Timeline;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimVar;
import offloadsim.sim.explore.Oracles;

/**
 * The model's front door: one pageserver with one tenant, its remote storage, and the user-visible
 * operations (HTTP API calls, the compaction loop, tenant lifecycle) that scenarios run as tasks.
 * Every operation must be called from inside a task of {@code sim}; it yields wherever the Rust awaits.
 */
public final class Pageserver {

    private final Sim sim;
    private final Variant variant;
    private final WorldSpec spec;
    private final RemoteStorage remote;
    private final Findings findings;
    private final History history;
    /**
     * The tenant slot (mgr.rs TenantSlot): the tenant instance and whether it is attached, being detached or
     * attached, or detached. A restart or an attach replaces the instance with the next generation. One cell,
     * so that every operation's look-up of the tenant is one read of it.
     */
    private final SimVar<Attachment> current;
    private int generations = 1;

    private Pageserver(Sim sim, Variant variant, WorldSpec spec) {
        this.sim = sim;
        this.variant = variant;
        this.spec = spec;
        this.findings = new Findings(sim);
        this.history = new History(sim, spec.timelines().stream().map(TimelineSpec::id).toList());
        this.remote = new RemoteStorage(sim);
        for (TimelineSpec t : spec.timelines()) remote.seed(new IndexPart(t.id(), t.ancestor(), t.archived(), false), t.offloaded());
        this.current = sim.var("attached tenant", new Attachment(TenantOps.attachAtSetup(sim, variant, remote, findings, spec), Slot.ATTACHED));
    }

    /**
     * Builds remote storage from {@code spec} and attaches the tenant so it is Active with its timelines
     * Active (or offloaded, per the manifest). Runs during program set-up, outside any task: no yields.
     */
    public static Pageserver start(Sim sim, Variant variant, WorldSpec spec) {
        return new Pageserver(sim, variant, spec);
    }

    public Variant variant() {
        return variant;
    }

    private OpResult record(String op, String timeline, String error) {
        return record(op, timeline, -1, error);
    }

    /** @param invokedAt what {@link History#invoke} returned when the operation was called (arguments evaluate left to right, before the call), or -1 */
    private OpResult record(String op, String timeline, long invokedAt, String error) {
        String status = variant.httpStatus(op, error);
        OpResult r = error == null ? OpResult.ok(op, timeline, status) : OpResult.err(op, timeline, error, status);
        history.record(r, invokedAt);
        sim.event("op", r.toString());
        return r;
    }

    /** PUT archival_config {state: Archived}: Tenant::apply_timeline_archival_config. */
    public OpResult archive(String timeline) {
        long invoked = history.invoke(timeline);
        Attachment a = current.get();
        return record("archive", timeline, invoked, a.attached() ? TenantOps.applyArchivalConfig(a.tenant(), timeline, true) : a.lookupError());
    }

    /** PUT archival_config {state: Unarchived}; takes the unoffload path for an offloaded timeline. */
    public OpResult unarchive(String timeline) {
        long invoked = history.invoke(timeline);
        Attachment a = current.get();
        return record("unarchive", timeline, invoked, a.attached() ? TenantOps.applyArchivalConfig(a.tenant(), timeline, false) : a.lookupError());
    }

    /**
     * One iteration of the compaction loop (Tenant::compaction_iteration), including auto-offload. The loop
     * belongs to the tenant: while no tenant is attached there is no iteration (Ok, nothing done).
     */
    public OpResult compactionIteration() {
        Attachment a = current.get();
        return record("compaction", null, a.attached() ? TenantOps.compactionIteration(a.tenant()) : null);
    }

    /** POST timeline create with an ancestor: Tenant::create_timeline / branch_timeline. */
    public OpResult branch(String parent, String child) {
        Attachment a = current.get();
        return record("branch", child, a.attached() ? TenantOps.branch(a.tenant(), parent, child) : a.lookupError());
    }

    /** POST timeline create without an ancestor: Tenant::create_timeline / bootstrap_timeline (a root timeline). */
    public OpResult createRoot(String timeline) {
        Attachment a = current.get();
        return record("create", timeline, a.attached() ? TenantOps.createRoot(a.tenant(), timeline) : a.lookupError());
    }

    /** DELETE timeline: DeleteTimelineFlow::run (202 Accepted is ok; the background part is a task). */
    public OpResult delete(String timeline) {
        long invoked = history.invoke(timeline);
        Attachment a = current.get();
        return record("delete", timeline, invoked, a.attached() ? TenantOps.delete(a.tenant(), timeline) : a.lookupError());
    }

    /** PUT timeline offload, the manual offload the tests call: timeline_offload_handler. */
    public OpResult offload(String timeline) {
        Attachment a = current.get();
        return record("offload", timeline, a.attached() ? TenantOps.manualOffload(a.tenant(), timeline) : a.lookupError());
    }

    /**
     * Tenant::shutdown as detach calls it (remove_tenant_from_memory: ShutdownMode::Hard); the instance stays
     * in its slot, Stopping (the {@code detach} op also empties the slot).
     */
    public OpResult shutdownTenant() {
        return record("shutdown", null, TenantOps.shutdown(current.get().tenant(), ShutdownMode.HARD));
    }

    /**
     * A pageserver restart: Tenant::shutdown as shutdown_all_tenants calls it (ShutdownMode::FreezeAndFlush,
     * which drains the upload queues), then attach of the next generation from remote state only. As
     * upsert_location does, the tenant map holds the new instance while it attaches, so HTTP calls made
     * meanwhile reach it Attaching and wait for it to become active.
     */
    public OpResult restart() {
        Tenant old = current.get().tenant();
        TenantOps.shutdown(old, ShutdownMode.FREEZE_AND_FLUSH);
        Tenant next = TenantOps.spawn(sim, variant, remote, findings, spec, ++generations);
        current.set(new Attachment(next, Slot.ATTACHED));
        TenantOps.attach(next);
        return record("restart", null, next.brokenReason());
    }

    // Rust: mgr.rs:1843-1855 detach_tenant @6149ac8834; mgr.rs:1843-1855 @49756a0d01;
    //   mgr.rs:1857-1884 detach_tenant0 @6149ac8834; mgr.rs:1857-1884 @49756a0d01
    // Rust: mgr.rs:2746-2815 remove_tenant_from_memory @6149ac8834; mgr.rs:2746-2815 @49756a0d01
    /**
     * Detach: the slot is taken (requests meanwhile see it in progress), the tenant is shut down
     * (ShutdownMode::Hard), its directory renamed away, and the slot emptied: later requests find no tenant.
     */
    public OpResult detach() {
        Attachment a = current.get();
        if (!a.attached()) return record("detach", null, a.slot() == Slot.DETACHED ? "NotFound" : "InProgress");
        current.set(new Attachment(a.tenant(), Slot.IN_PROGRESS));
        TenantOps.shutdown(a.tenant(), ShutdownMode.HARD);
        sim.yieldPoint("remove_tenant_from_memory/tenant_cleanup");
        current.set(new Attachment(a.tenant(), Slot.DETACHED));
        return record("detach", null, null);
    }

    // Rust: mgr.rs:930-1219 TenantManager::upsert_location @6149ac8834; mgr.rs:930-1219 @49756a0d01
    //   — attach of a new generation into an empty slot
    /**
     * Attach into an empty slot: the next generation is built from remote state only (Tenant::attach) and
     * activated. A Broken tenant stays in the slot (the answer names why attach failed).
     */
    public OpResult attach() {
        Attachment a = current.get();
        if (a.slot() != Slot.DETACHED) return record("attach", null, a.slot() == Slot.ATTACHED ? "Conflict(tenant is already attached)" : "InProgress");
        // as upsert_location does, the slot holds the new instance while it attaches: calls meanwhile wait for it to become active
        Tenant next = TenantOps.spawn(sim, variant, remote, findings, spec, ++generations);
        current.set(new Attachment(next, Slot.ATTACHED));
        TenantOps.attach(next);
        return record("attach", null, next.brokenReason() == null ? null : "Broken(" + next.brokenReason() + ")");
    }

    /** Tenant::get_timeline(id, active_only); what an endpoint start (basebackup) calls with activeOnly=true. */
    public OpResult getTimeline(String timeline, boolean activeOnly) {
        Attachment a = current.get();
        if (!a.attached()) return record(activeOnly ? "endpoint-start" : "get-timeline", timeline, a.lookupError());
        String err = activeOnly ? TenantOps.getTimeline(a.tenant(), timeline, true) : TenantOps.timelineDetail(a.tenant(), timeline);
        return record(activeOnly ? "endpoint-start" : "get-timeline", timeline, err);
    }

    /**
     * What a test client sees of a timeline through the listing API (list_timelines_and_offloaded), read
     * under the maps' locks from inside a task; with no tenant attached it is in no map.
     */
    public TimelineView observe(String timeline) {
        Attachment a = current.get();
        return a.attached() ? TenantOps.observe(a.tenant(), timeline) : TimelineView.ABSENT;
    }

    /** The tenant's state as a client sees it (tenant status API), or Detached / InProgress for an empty or busy slot. */
    public String observeTenant() {
        Attachment a = current.get();
        return a.attached() ? a.tenant().currentState().toString() : a.slot() == Slot.DETACHED ? "Detached" : "InProgress";
    }

    /** {@link #observeTenant()} between steps. */
    public String peekTenantState() {
        Attachment a = current.peek();
        return a.attached() ? a.tenant().peekState().toString() : a.slot() == Slot.DETACHED ? "Detached" : "InProgress";
    }

    /** Why an attach of the remote state would fail, or null; read from inside a task (a recorded read of every prefix and the manifest). */
    public String attachPreview() {
        return TenantOps.attachPreview(remote.snapshot(Integer.MAX_VALUE)); // what the next generation would read
    }

    /** The same view between steps (oracles, quiescence): no locks taken. */
    public TimelineView peekView(String timeline) {
        Attachment a = current.peek();
        return a.attached() ? TenantOps.peekView(a.tenant(), timeline) : TimelineView.ABSENT;
    }

    /** Whether a tenant is attached (not detached, no detach or attach in progress), between steps. */
    public boolean peekAttached() {
        return current.peek().attached();
    }

    /** Why an attach of the current remote state would fail (missing ancestors), or null if it would succeed; between steps. */
    public String peekAttachPreview() {
        return TenantOps.attachPreview(remote.peek());
    }

    /** The oracles for this run, restricted to the given names (see OracleNames); empty set = all. */
    public Oracles oracles(Set<String> enabled) {
        return new ModelOracles(this, enabled);
    }

    // ---------------------------------------------------------------- views for oracles (between steps)

    public Tenant peekTenant() {
        return current.peek().tenant();
    }

    public RemoteStorage remote() {
        return remote;
    }

    public Findings findings() {
        return findings;
    }

    public History history() {
        return history;
    }

    /** Canonical text of the current state (maps, states, queues, remote storage) for coverage and reports. */
    public String describeState() {
        Tenant t = current.peek().tenant();
        StringBuilder sb = new StringBuilder(current.peek().attached() ? "" : current.peek().slot() + " ").append("tenant g").append(t.generation).append(' ').append(t.peekState());
        if (!t.poisonedLocks().isEmpty()) sb.append(" (wedged: ").append(String.join(", ", t.poisonedLocks())).append(" poisoned)");
        for (Timeline tl : t.peekTimelines().values())
            sb.append(" | ").append(tl.id).append(':').append(tl.peekState()).append(' ').append(tl.remoteClient.describe());
        for (OffloadedTimeline o : t.peekOffloaded().values()) sb.append(" | ").append(o.id).append(":offloaded");
        var snap = remote.peek();
        sb.append(" || remote");
        for (IndexPart ip : snap.indices().values())
            sb.append(' ').append(ip.timelineId()).append(ip.deleted() ? "(deleted)" : ip.archived() ? "(archived)" : "(unarchived)");
        sb.append(" manifest=").append(snap.manifest());
        return sb.toString();
    }

    /** mgr.rs TenantSlot, reduced to what requests observe. */
    private enum Slot { ATTACHED, IN_PROGRESS, DETACHED }

    /** The slot's content: the last tenant instance (kept for oracles after a detach) and the slot's state. */
    private record Attachment(Tenant tenant, Slot slot) {
        boolean attached() {
            return slot == Slot.ATTACHED;
        }

        /** get_attached_tenant_shard's error for a request that finds no attached tenant. */
        String lookupError() {
            return slot == Slot.DETACHED ? "TenantNotFound" : "InProgress";
        }
    }
}
