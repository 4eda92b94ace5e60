package offloadsim.model.tenant;

import offloadsim.model.remote.RemoteTimelineClient;
import offloadsim.model.timeline.Timeline;
import offloadsim.sim.api.SimGate;

/** tenant.rs Tenant::create_timeline without an ancestor: bootstrap_timeline (a new root timeline). */
final class BootstrapTimeline {
    private BootstrapTimeline() {}

    // Rust: tenant.rs:2485-2639 Tenant::create_timeline @6149ac8834; tenant.rs:2484-2638 @49756a0d01
    /**
     * Returns null or the CreateTimelineError name. As for a branch, the call holds the tenant gate until it
     * returns; a stopped or stopping upload queue is ShuttingDown.
     */
    static String create(Tenant tenant, String id) {
        TenantState ts = tenant.state.get();
        if (ts != TenantState.ACTIVE) return ts == TenantState.STOPPING ? "ShuttingDown" : "Other(Cannot create timelines on inactive tenant)";
        SimGate.Guard gate = tenant.gate.enter();
        if (gate == null) return "ShuttingDown";
        try (gate) {
            return createInGate(tenant, id);
        }
    }

    // Rust: tenant.rs:4934-5093 bootstrap_timeline @6149ac8834; tenant.rs:4925-5084 @49756a0d01
    // Rust: tenant.rs:4824-4881 start_creating_timeline @6149ac8834; tenant.rs:4815-4872 @49756a0d01
    /**
     * The create guard (a second gate entry and the timelines_creating entry) is taken under L_T, L_O and
     * L_C and dropped when the timeline enters the map; initdb and the import are one await each. An
     * existing root timeline matches the request's idempotency key (Bootstrap with the same pg_version):
     * Ok without creating anything; a branch or an offloaded timeline of that id is a Conflict.
     */
    private static String createInGate(Tenant tenant, String id) {
        var sim = tenant.sim;
        Timeline timeline;
        SimGate.Guard createGate = tenant.gate.enter();
        if (createGate == null) return "ShuttingDown";
        boolean guardHeld = false;
        boolean idempotent = false;
        try {
            try (var gt = tenant.lt.lock(); var go = tenant.lo.lock(); var gc = tenant.lc.lock()) {
                Timeline existing = tenant.timelines.get(id);
                if (existing != null) {
                    if (existing.ancestorId != null) return "Conflict";
                    idempotent = true;
                } else if (tenant.offloaded.containsKey(id)) {
                    return "Conflict";
                } else if (tenant.creating.contains(id)) {
                    return "AlreadyCreating";
                } else {
                    tenant.creating.add(id);
                    guardHeld = true;
                }
                timeline = existing;
            }
            if (!idempotent) {
                sim.yieldPoint("start_creating_timeline/timeline-creation-after-uninit");
                sim.failpoint("timeline-creation-after-uninit");
                sim.yieldPoint("bootstrap_timeline/run_initdb");
                sim.yieldPoint("bootstrap_timeline/import_timeline_from_postgres_datadir");
                timeline = tenant.newTimeline(id, null, null, false, false);
                try (var gt = tenant.lt.lock()) {
                    if (tenant.timelines.containsKey(id)) return "Other(Found freshly initialized timeline " + id + " in the tenant map)";
                    tenant.timelines.put(id, timeline);
                    try (var gc = tenant.lc.lock()) {
                        tenant.creating.remove(id);
                    }
                    guardHeld = false;
                    createGate.close();
                    createGate = null;
                }
                sim.event("create", id + " inserted into timelines (root)");
                timeline.remoteClient.scheduleIndexUpload();
            }
        } finally {
            if (guardHeld) {
                try (var gc = tenant.lc.lock()) {
                    tenant.creating.remove(id);
                }
            }
            if (createGate != null) createGate.close();
        }
        var w = timeline.remoteClient.waitCompletion("create_timeline/wait_completion", RemoteTimelineClient.NO_TIMEOUT);
        switch (w) {
            case OK -> { }
            case NOT_INITIALIZED, STOPPED -> { return "ShuttingDown"; }
            case TIMEOUT -> throw new IllegalStateException("wait_completion without a timeout timed out");
        }
        if (idempotent) return null; // the creating task activates it
        sim.preemptionPoint("create_timeline/activate");
        timeline.activate();
        return null;
    }
}
