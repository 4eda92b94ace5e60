package offloadsim.model.tenant;

import offloadsim.model.remote.RemoteTimelineClient;
import offloadsim.model.timeline.Timeline;
import offloadsim.sim.api.Panic;

/** tenant.rs Tenant::create_timeline without an ancestor: bootstrap_timeline (a new root timeline). */
final class BootstrapTimeline {
    private BootstrapTimeline() {}

    // Rust: tenant.rs:2485-2639 Tenant::create_timeline @6149ac8834; tenant.rs:2484-2638 @49756a0d01
    // Rust: tenant.rs:4934-5093 bootstrap_timeline @6149ac8834; tenant.rs:4925-5084 @49756a0d01
    // Rust: tenant.rs:4824-4881 start_creating_timeline @6149ac8834; tenant.rs:4815-4872 @49756a0d01
    /** Returns null or the CreateTimelineError name; initdb and the layer import are one await each. */
    static String create(Tenant tenant, String id) {
        var sim = tenant.sim;
        if (tenant.state.get() != TenantState.ACTIVE) return tenant.state.get() == TenantState.STOPPING ? "ShuttingDown" : "Other(tenant not active)";
        // start_creating_timeline: create_timeline_create_guard with allow_offloaded=false
        try (var gt = tenant.lt.lock(); var go = tenant.lo.lock(); var gc = tenant.lc.lock()) {
            if (tenant.timelines.containsKey(id) || tenant.offloaded.containsKey(id)) return "Conflict";
            if (tenant.creating.contains(id)) return "AlreadyCreating";
            tenant.creating.add(id);
        }
        Timeline timeline;
        try {
            sim.yieldPoint("start_creating_timeline/timeline-creation-after-uninit");
            sim.failpoint("timeline-creation-after-uninit");
            sim.yieldPoint("bootstrap_timeline/run_initdb");
            sim.yieldPoint("bootstrap_timeline/import_timeline_from_postgres_datadir");
            timeline = tenant.newTimeline(id, null, null, false, false);
            try (var gt = tenant.lt.lock()) {
                if (tenant.timelines.putIfAbsent(id, timeline) != null) throw new Panic("Timeline " + id + " already exists in the tenant map");
            }
            sim.event("create", id + " inserted into timelines (root)");
            timeline.remoteClient.scheduleIndexUpload();
        } finally {
            try (var gc = tenant.lc.lock()) {
                tenant.creating.remove(id);
            }
        }
        var w = timeline.remoteClient.waitCompletion("create_timeline/wait_completion");
        if (w != RemoteTimelineClient.WaitResult.OK) return "ShuttingDown";
        sim.preemptionPoint("create_timeline/activate");
        timeline.activate();
        return null;
    }
}
