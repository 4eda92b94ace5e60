package offloadsim.model.tenant;

import java.util.ArrayList;
import java.util.List;
import offloadsim.model.timeline.Timeline;

/** tenant.rs Tenant::compaction_iteration: snapshot can_offload, compact, then maybe offload. */
public final class CompactionIteration {
    private CompactionIteration() {}

    private record Candidate(Timeline timeline, boolean active, boolean canOffload) {}

    // Rust: tenant.rs:2903-3115 Tenant::compaction_iteration @49756a0d01; tenant.rs:2904-3124 @6149ac8834
    //   — returns null or the CompactionError
    static String run(Tenant tenant) {
        var sim = tenant.sim;
        if (tenant.state.get() != TenantState.ACTIVE) return null;
        List<Candidate> kept = new ArrayList<>();
        try (var g = tenant.lt.lock()) {
            for (Timeline t : tenant.timelines.values()) {
                boolean active = t.isActive();
                boolean canOffload = canOffload(tenant, t);
                if (active || canOffload) kept.add(new Candidate(t, active, canOffload));
            }
        }
        // the decision the whole #10220 story hangs on: which timelines this iteration will offload
        List<String> willOffload = kept.stream().filter(Candidate::canOffload).map(c -> c.timeline().id).toList();
        if (!willOffload.isEmpty()) sim.event("offload", "compaction snapshots can_offload=true for " + String.join(", ", willOffload) + " (archived, no pending uploads)");
        for (Candidate c : kept) {
            Boolean pendingTaskLeft = null;
            if (c.active()) {
                try (var lock = c.timeline().compactionLock.lock()) {
                    for (int i = 0; i < tenant.config.compactionSteps(); i++) sim.yieldPoint("compaction_iteration/compact " + c.timeline().id);
                }
                if (c.timeline().cancel.isCancelled()) return "ShuttingDown";
                pendingTaskLeft = false;
            }
            if (!Boolean.FALSE.equals(pendingTaskLeft) || !c.canOffload()) continue;
            if (!tenant.variant.beforeAutoOffload(tenant, c.timeline())) continue;
            sim.yieldPoint("compaction_iteration/before-timeline-auto-offload");
            sim.failpoint("before-timeline-auto-offload");
            String err = tenant.variant.offloadTimeline(tenant, c.timeline());
            if (err == null) continue;
            if (tenant.variant.compactionIgnoresOffloadError(err)) continue;
            // From<OffloadError> for CompactionError: Cancelled is ShuttingDown, the rest Offload(e); aborts the iteration
            return err.equals("Cancelled") ? "ShuttingDown" : "Offload(" + err + ")";
        }
        return null;
    }

    // Rust: none (rejected design alt-recheck: a fresh can_offload evaluation at the call site)
    /** A fresh can_offload evaluation under the timelines lock (alt-recheck's call site). */
    public static boolean stillOffloadable(Tenant tenant, Timeline t) {
        try (var g = tenant.lt.lock()) {
            return tenant.timelines.get(t.id) == t && canOffload(tenant, t);
        }
    }

    // Rust: timeline.rs:1607-1617 Timeline::can_offload @49756a0d01; timeline.rs:1607-1617 @6149ac8834;
    //   tenant.rs:2938-2953 Tenant::compaction_iteration (has_no_unoffloaded_children and the config, under timelines) @49756a0d01;
    //   tenant.rs:2939-2954 (has_no_unoffloaded_children and the config, under timelines) @6149ac8834
    private static boolean canOffload(Tenant tenant, Timeline t) {
        if (!tenant.config.offloadingEnabled()) return false;
        if (!Boolean.TRUE.equals(t.remoteClient.isArchived()) || !t.remoteClient.noPendingWork()) return false;
        for (Timeline c : tenant.timelines.values()) if (t.id.equals(c.ancestorId)) return false;
        return true;
    }
}
