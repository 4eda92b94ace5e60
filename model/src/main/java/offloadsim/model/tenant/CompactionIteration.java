package offloadsim.model.tenant;

import java.util.ArrayList;
import java.util.List;
import offloadsim.model.timeline.Timeline;

/** tenant.rs Tenant::compaction_iteration: snapshot can_offload, compact, then maybe offload. */
public final class CompactionIteration {
    private CompactionIteration() {}

    private record Candidate(Timeline timeline, boolean active, boolean canOffload) {}

    // Rust: tenant.rs Tenant::compaction_iteration; returns null or the CompactionError
    public static String run(Tenant tenant) {
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
                if (!compact(tenant, c.timeline())) return "ShuttingDown";
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

    /**
     * Rust: tenant.rs:3135-3322 compaction_iteration @6a35a3e9f1 (restructured by #10744): the snapshot
     * keeps only Active timelines and marks the offloadable ones; the L0 counts are read with an await
     * per timeline; pass 2 re-checks is_active, compacts, runs the gc-compaction queue and offloads only
     * after that. Pass 1 (L0 compaction, :3206-3236) has nothing to do in the model: no timeline has an
     * L0 backlog, so it never yields the iteration early.
     */
    public static String runHead(Tenant tenant) {
        var sim = tenant.sim;
        if (tenant.state.get() != TenantState.ACTIVE) return null; // :3141-3143 Skipped
        List<Timeline> compact = new ArrayList<>();
        List<String> offload = new ArrayList<>();
        try (var g = tenant.lt.lock()) { // :3164-3186
            for (Timeline t : tenant.timelines.values()) {
                if (!t.isActive()) continue;
                compact.add(t);
                if (canOffload(tenant, t)) offload.add(t.id);
            }
        }
        if (!offload.isEmpty()) sim.event("offload", "compaction snapshots can_offload=true for " + String.join(", ", offload) + " (archived, no pending uploads)");
        for (Timeline t : compact) sim.yieldPoint("compaction_iteration/layers.read (L0 counts) " + t.id); // :3188-3198
        for (Timeline t : compact) { // pass 2, :3245-3311
            if (!t.isActive()) continue; // :3246-3248
            if (!compact(tenant, t)) return "Cancelled"; // :3257-3261
            sim.yieldPoint("compaction_iteration/gc_compaction_queue iteration " + t.id); // :3264-3284
            if (!offload.contains(t.id)) continue; // :3288
            if (!tenant.variant.beforeAutoOffload(tenant, t)) continue;
            sim.yieldPoint("compaction_iteration/before-timeline-auto-offload"); // :3289
            sim.failpoint("before-timeline-auto-offload");
            String err = tenant.variant.offloadTimeline(tenant, t); // :3290-3300
            if (err == null || tenant.variant.compactionIgnoresOffloadError(err)) continue;
            return err.equals("Cancelled") ? "Cancelled" : "Other(" + err + ")"; // new_cancelled() / CompactionError::Other; the ? ends the iteration
        }
        return null;
    }

    /** Timeline::compact under the compaction lock: false if the timeline was cancelled meanwhile. */
    private static boolean compact(Tenant tenant, Timeline t) {
        try (var lock = t.compactionLock.lock()) {
            for (int i = 0; i < tenant.config.compactionSteps(); i++) tenant.sim.yieldPoint("compaction_iteration/compact " + t.id);
        }
        return !t.cancel.isCancelled();
    }

    /** A fresh can_offload evaluation under the timelines lock (alt-recheck's call site). */
    public static boolean stillOffloadable(Tenant tenant, Timeline t) {
        try (var g = tenant.lt.lock()) {
            return tenant.timelines.get(t.id) == t && canOffload(tenant, t);
        }
    }

    // Rust: timeline.rs can_offload + the has_no_unoffloaded_children test (called holding timelines)
    private static boolean canOffload(Tenant tenant, Timeline t) {
        if (!tenant.config.offloadingEnabled()) return false;
        if (!Boolean.TRUE.equals(t.remoteClient.isArchived()) || !t.remoteClient.noPendingWork()) return false;
        for (Timeline c : tenant.timelines.values()) if (t.id.equals(c.ancestorId)) return false;
        return true;
    }
}
