package offloadsim.model.tenant;

import offloadsim.model.timeline.Timeline;
import offloadsim.sim.api.Panic;

/** tenant.rs Tenant::create_timeline with an ancestor: branch_timeline_impl. */
final class CreateTimeline {
    private CreateTimeline() {}

    // Rust: tenant.rs Tenant::create_timeline / branch_timeline_impl; returns null or the error name
    static String branch(Tenant tenant, String parentId, String childId) {
        var sim = tenant.sim;
        if (tenant.state.get() != TenantState.ACTIVE) return tenant.state.get() == TenantState.STOPPING ? "ShuttingDown" : "Other(tenant not active)";
        Timeline parent;
        try (var g = tenant.lt.lock()) {
            parent = tenant.timelines.get(parentId);
        }
        if (parent == null) return "AncestorNotFound";
        sim.preemptionPoint("create_timeline/ancestor is_active");
        if (!parent.isActive()) return "AncestorNotActive";
        sim.preemptionPoint("create_timeline/ancestor is_archived");
        if (Boolean.TRUE.equals(parent.remoteClient.isArchived())) return "AncestorArchived";
        String waited = tenant.variant.branchWaitLsn(tenant, parent);
        if (waited != null) return waited;
        Timeline child;
        boolean registered = false;
        String refused = null;
        try (var gcs = tenant.gcCs.lock()) {
            try (var gt = tenant.lt.lock(); var go = tenant.lo.lock(); var gc = tenant.lc.lock()) {
                if (tenant.timelines.containsKey(childId) || tenant.offloaded.containsKey(childId)) return "AlreadyExists";
                if (tenant.creating.contains(childId)) return "AlreadyInProgress";
                tenant.creating.add(childId);
                registered = true;
            }
            sim.yieldPoint("start_creating_timeline/timeline-creation-after-uninit");
            sim.failpoint("timeline-creation-after-uninit");
            sim.yieldPoint("prepare_new_timeline/create directory");
            child = tenant.newTimeline(childId, parent, parentId, false, false);
            try (var gt = tenant.lt.lock()) {
                // Rust: uninit.rs finish_creation — inserts without looking at the ancestor again
                refused = tenant.variant.finishCreationRefusal(tenant, parent);
                if (refused == null && tenant.timelines.putIfAbsent(childId, child) != null) throw new Panic("Timeline " + childId + " already exists in the tenant map");
            }
            if (refused != null) {
                sim.event("branch", childId + " not inserted: finish_creation refused (" + refused + ")");
                child.remoteClient.stop(); // the UninitializedTimeline is dropped: its upload queue never ran anything
            } else {
                sim.event("branch", childId + " inserted into timelines (ancestor " + parentId + ")");
                child.remoteClient.scheduleIndexUpload();
            }
        } finally {
            if (registered) {
                try (var gc = tenant.lc.lock()) {
                    tenant.creating.remove(childId);
                }
            }
        }
        if (refused != null) return refused;
        var w = child.remoteClient.waitCompletion("create_timeline/wait_completion");
        if (w != offloadsim.model.remote.RemoteTimelineClient.WaitResult.OK) return "Other(upload " + w + ")";
        sim.preemptionPoint("create_timeline/activate");
        child.activate();
        return null;
    }
}
