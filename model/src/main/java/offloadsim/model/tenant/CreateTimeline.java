package offloadsim.model.tenant;

import offloadsim.model.timeline.Timeline;
import offloadsim.sim.api.Panic;

/** tenant.rs Tenant::create_timeline with an ancestor: branch_timeline_impl. */
final class CreateTimeline {
    private CreateTimeline() {}

    // Rust: tenant.rs:2484-2638 Tenant::create_timeline @49756a0d01; tenant.rs:2485-2639 @6149ac8834;
    //   tenant.rs:4662-4788 Tenant::branch_timeline_impl @49756a0d01; tenant.rs:4671-4797 @6149ac8834
    //   — returns null or the error name
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
        sim.yieldPoint("create_timeline/wait_lsn");
        Timeline child;
        boolean registered = false;
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
                // Rust: uninit.rs:47-88 UninitializedTimeline::finish_creation @49756a0d01;
                //   uninit.rs:47-88 @6149ac8834
                //   — inserts without looking at the ancestor again
                if (tenant.timelines.putIfAbsent(childId, child) != null) throw new Panic("Timeline " + childId + " already exists in the tenant map");
            }
            sim.event("branch", childId + " inserted into timelines (ancestor " + parentId + ")");
            child.remoteClient.scheduleIndexUpload();
        } finally {
            if (registered) {
                try (var gc = tenant.lc.lock()) {
                    tenant.creating.remove(childId);
                }
            }
        }
        var w = child.remoteClient.waitCompletion("create_timeline/wait_completion");
        if (w != offloadsim.model.remote.RemoteTimelineClient.WaitResult.OK) return "Other(upload " + w + ")";
        sim.preemptionPoint("create_timeline/activate");
        child.activate();
        return null;
    }
}
