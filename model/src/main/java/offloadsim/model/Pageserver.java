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
    /** The attached tenant instance; a restart replaces it with the next generation. */
    private final SimVar<Tenant> current;
    private int generations = 1;

    private Pageserver(Sim sim, Variant variant, WorldSpec spec) {
        this.sim = sim;
        this.variant = variant;
        this.spec = spec;
        this.findings = new Findings(sim);
        this.history = new History(sim);
        this.remote = new RemoteStorage(sim);
        for (TimelineSpec t : spec.timelines()) remote.seed(new IndexPart(t.id(), t.ancestor(), t.archived(), false), t.offloaded());
        this.current = sim.var("attached tenant", TenantOps.attachAtSetup(sim, variant, remote, findings, spec));
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

    /** @param invokedAt the history clock when the operation was called (arguments evaluate left to right, before the call) */
    private OpResult record(String op, String timeline, long invokedAt, String error) {
        String status = variant.httpStatus(op, error);
        OpResult r = error == null ? OpResult.ok(op, timeline, status) : OpResult.err(op, timeline, error, status);
        history.record(r, invokedAt);
        sim.event("op", r.toString());
        return r;
    }

    /** PUT archival_config {state: Archived}: Tenant::apply_timeline_archival_config. */
    public OpResult archive(String timeline) {
        return record("archive", timeline, history.invoke(), TenantOps.applyArchivalConfig(current.get(), timeline, true));
    }

    /** PUT archival_config {state: Unarchived}; takes the unoffload path for an offloaded timeline. */
    public OpResult unarchive(String timeline) {
        return record("unarchive", timeline, history.invoke(), TenantOps.applyArchivalConfig(current.get(), timeline, false));
    }

    /** One iteration of the compaction loop (Tenant::compaction_iteration), including auto-offload. */
    public OpResult compactionIteration() {
        return record("compaction", null, TenantOps.compactionIteration(current.get()));
    }

    /** POST timeline create with an ancestor: Tenant::create_timeline / branch_timeline. */
    public OpResult branch(String parent, String child) {
        return record("branch", child, TenantOps.branch(current.get(), parent, child));
    }

    /** DELETE timeline: DeleteTimelineFlow::run (202 Accepted is ok; the background part is a task). */
    public OpResult delete(String timeline) {
        return record("delete", timeline, history.invoke(), TenantOps.delete(current.get(), timeline));
    }

    /** Tenant::shutdown (detach-style, ShutdownMode::Hard). */
    public OpResult shutdownTenant() {
        return record("shutdown", null, TenantOps.shutdown(current.get()));
    }

    /** Tenant shutdown, then attach of a new tenant instance from remote state only (restart / migration). */
    public OpResult restart() {
        Tenant old = current.get();
        TenantOps.shutdown(old);
        Tenant next = TenantOps.attach(sim, variant, remote, findings, spec, ++generations);
        current.set(next);
        return record("restart", null, next.brokenReason());
    }

    /** Tenant::get_timeline(id, active_only); what an endpoint start (basebackup) calls with activeOnly=true. */
    public OpResult getTimeline(String timeline, boolean activeOnly) {
        return record(activeOnly ? "endpoint-start" : "get-timeline", timeline, TenantOps.getTimeline(current.get(), timeline, activeOnly));
    }

    /** The oracles for this run, restricted to the given names (see OracleNames); empty set = all. */
    public Oracles oracles(Set<String> enabled) {
        return new ModelOracles(this, enabled);
    }

    // ---------------------------------------------------------------- views for oracles (between steps)

    public Tenant peekTenant() {
        return current.peek();
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
        Tenant t = current.peek();
        StringBuilder sb = new StringBuilder("tenant g").append(t.generation).append(' ').append(t.peekState());
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
}
