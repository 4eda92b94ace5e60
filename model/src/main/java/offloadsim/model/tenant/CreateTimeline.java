package offloadsim.model.tenant;

import offloadsim.model.remote.RemoteTimelineClient;
import offloadsim.model.timeline.Timeline;
import offloadsim.sim.api.SimGate;

/** tenant.rs Tenant::create_timeline with an ancestor: branch_timeline_impl. */
final class CreateTimeline {
    private CreateTimeline() {}

    // Rust: tenant.rs:2484-2638 create_timeline @49756a0d01; tenant.rs:2485-2639 @6149ac8834
    /**
     * Returns null or the CreateTimelineError name. After the Active check the call enters the tenant gate
     * (ShuttingDown if it is closed) and holds it until it returns, activation included, so Tenant::shutdown
     * cannot return while a creation is in flight. The wait for the child's index upload has no timeout;
     * a stopped or stopping queue is ShuttingDown.
     */
    static String branch(Tenant tenant, String parentId, String childId) {
        TenantState ts = tenant.state.get();
        if (ts != TenantState.ACTIVE) return ts == TenantState.STOPPING ? "ShuttingDown" : "Other(Cannot create timelines on inactive tenant)";
        SimGate.Guard gate = tenant.gate.enter();
        if (gate == null) return "ShuttingDown";
        try (gate) {
            return branchInGate(tenant, parentId, childId);
        }
    }

    // Rust: tenant.rs:2504-2638 Tenant::create_timeline (inside the gate) @49756a0d01;
    //   tenant.rs:2505-2639 (inside the gate) @6149ac8834; tenant.rs:4662-4788 Tenant::branch_timeline_impl @49756a0d01;
    //   tenant.rs:4671-4797 @6149ac8834
    private static String branchInGate(Tenant tenant, String parentId, String childId) {
        var sim = tenant.sim;
        Timeline parent;
        try (var g = tenant.lt.lock()) {
            parent = tenant.timelines.get(parentId);
        }
        if (parent == null) return "Other(Cannot branch off the timeline that's not present in pageserver)";
        sim.preemptionPoint("create_timeline/ancestor is_active");
        if (!parent.isActive()) return "AncestorNotActive";
        sim.preemptionPoint("create_timeline/ancestor is_archived");
        if (Boolean.TRUE.equals(parent.remoteClient.isArchived())) return "AncestorArchived";
        String waited = tenant.variant.branchWaitLsn(tenant, parent);
        if (waited != null) return waited;
        Object r = branchTimelineImpl(tenant, parent, parentId, childId);
        if (r instanceof String err) return err;
        Timeline child = ((Result) r).timeline();
        var w = child.remoteClient.waitCompletion("create_timeline/wait_completion", RemoteTimelineClient.NO_TIMEOUT);
        switch (w) {
            case OK -> { }
            case NOT_INITIALIZED, STOPPED -> { return "ShuttingDown"; } // the queue is shutting down or stopped
            case TIMEOUT -> throw new IllegalStateException("wait_completion without a timeout timed out");
        }
        if (((Result) r).idempotent()) return null; // "activation will be done by the creating task"
        sim.preemptionPoint("create_timeline/activate");
        child.activate();
        return null;
    }

    /** CreateTimelineResult: Created or Idempotent. */
    private record Result(Timeline timeline, boolean idempotent) {}

    // Rust: tenant.rs:4662-4788 branch_timeline_impl @49756a0d01; tenant.rs:4671-4797 @6149ac8834
    // Rust: tenant.rs:4815-4872 start_creating_timeline @49756a0d01; tenant.rs:4824-4881 @6149ac8834
    // Rust: uninit.rs:201-250 new @49756a0d01; uninit.rs:201-250 @6149ac8834
    // Rust: uninit.rs:47-88 finish_creation @49756a0d01; uninit.rs:47-88 @6149ac8834
    /**
     * Returns a Result or the error name. The TimelineCreateGuard enters the tenant gate a second time
     * before it takes L_T, L_O and L_C, and both it and its entry in timelines_creating are dropped inside
     * finish_creation under L_T. The model's branches carry no start LSN and no WAL is written, so a
     * retry with the same ancestor matches the existing timeline's idempotency key.
     */
    private static Object branchTimelineImpl(Tenant tenant, Timeline parent, String parentId, String childId) {
        var sim = tenant.sim;
        try (var gcs = tenant.gcCs.lock()) {
            SimGate.Guard createGate = tenant.gate.enter();
            if (createGate == null) return "ShuttingDown";
            boolean guardHeld = false;
            try {
                try (var gt = tenant.lt.lock(); var go = tenant.lo.lock(); var gc = tenant.lc.lock()) {
                    Timeline existing = tenant.timelines.get(childId);
                    if (existing != null) return parentId.equals(existing.ancestorId) ? new Result(existing, true) : "Conflict";
                    if (tenant.offloaded.containsKey(childId)) return "Conflict";
                    if (tenant.creating.contains(childId)) return "AlreadyCreating";
                    tenant.creating.add(childId);
                    guardHeld = true;
                }
                sim.yieldPoint("start_creating_timeline/timeline-creation-after-uninit");
                sim.failpoint("timeline-creation-after-uninit");
                // prepare_new_timeline's create_timeline_files is a synchronous create_dir: no await (tenant.rs:5169-5177@6149ac8834)
                Timeline child = tenant.newTimeline(childId, parent, parentId, false, false);
                try (var gt = tenant.lt.lock()) {
                    if (tenant.timelines.containsKey(childId))
                        return "Other(Found freshly initialized timeline " + childId + " in the tenant map)";
                    // upstream inserts without looking at the ancestor again; candidate fixes re-check it here
                    String refused = tenant.variant.finishCreationRefusal(tenant, parent);
                    if (refused != null) {
                        sim.event("branch", childId + " not inserted: finish_creation refused (" + refused + ")");
                        child.remoteClient.stop(); // the UninitializedTimeline is dropped: its upload queue never ran anything
                        return refused;
                    }
                    tenant.timelines.put(childId, child);
                    // the create guard is dropped here, under L_T: out of timelines_creating, out of the gate
                    try (var gc = tenant.lc.lock()) {
                        tenant.creating.remove(childId);
                    }
                    guardHeld = false;
                    createGate.close();
                    createGate = null;
                }
                sim.event("branch", childId + " inserted into timelines (ancestor " + parentId + ")");
                child.remoteClient.scheduleIndexUpload();
                return new Result(child, false);
            } finally {
                if (guardHeld) {
                    try (var gc = tenant.lc.lock()) {
                        tenant.creating.remove(childId);
                    }
                }
                if (createGate != null) createGate.close();
            }
        }
    }
}
