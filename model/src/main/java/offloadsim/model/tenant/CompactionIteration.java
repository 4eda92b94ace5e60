package offloadsim.model.tenant;

import java.util.ArrayList;
import java.util.List;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;

/** tenant.rs Tenant::compaction_iteration: snapshot can_offload, compact, then maybe offload. */
public final class CompactionIteration {
    private CompactionIteration() {}

    private record Candidate(Timeline timeline, boolean active, boolean canOffload) {}

    /** Timeline::compact's answer: Ok(has pending tasks) or a CompactionError name. */
    private record Compacted(boolean pendingTasks, String error, boolean skipped) {
        static final Compacted NOTHING_PENDING = new Compacted(false, null, false);
        /** Cancelled while waiting for the lock: Ok(false) before #10744, Ok(Skipped) at HEAD. */
        static final Compacted SKIPPED = new Compacted(false, null, true);

        static Compacted error(String e) {
            return new Compacted(false, e, false);
        }
    }

    // Rust: tenant.rs:2903-3115 Tenant::compaction_iteration @49756a0d01; tenant.rs:2904-3124 @6149ac8834
    //   — returns null or the CompactionError
    public static String run(Tenant tenant) {
        var sim = tenant.sim;
        if (tenant.state.get() != TenantState.ACTIVE) return null;
        // the Active check reads the state channel; the snapshot below is a separate critical section (L_T)
        sim.preemptionPoint("compaction_iteration/before snapshot");
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
                Compacted r = compact(tenant, c.timeline());
                // ShuttingDown and Other abort the iteration (the `?` after compact)
                if (r.error() != null) return r.error();
                pendingTaskLeft = r.pendingTasks();
            }
            if (!Boolean.FALSE.equals(pendingTaskLeft) || !c.canOffload()) continue;
            if (!tenant.variant.beforeAutoOffload(tenant, c.timeline())) continue;
            if (tenant.variant.pausableFailpointBeforeAutoOffload()) sim.yieldPoint("compaction_iteration/before-timeline-auto-offload");
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
     * Timeline::compact / compact_with_options, then compact_legacy reduced to what the races touch: the
     * compaction lock raced against cancellation, the Stopping check, the compaction I/O (yield points)
     * and the upload-queue work it leaves behind: {@code compactionUploads} layer files through
     * schedule_compaction_update (uploads start at once), then the index upload after them through
     * upload_new_image_layers' schedule_index_upload_for_file_changes. The rate-limit permit is not
     * modelled: with one tenant the global semaphore always has a permit.
     */
    // Rust: timeline.rs:1643-1687 compact_with_options @6149ac8834; timeline.rs:1643-1687 @49756a0d01
    private static Compacted compact(Tenant tenant, Timeline timeline) {
        var sim = tenant.sim;
        // tokio::select! over (lock + permit) and the cancellation tokens, unbiased. Cancelled while the
        // lock is held elsewhere: only the cancellation is ready. Cancelled while we waited for it: the
        // cancellation fired first. Cancelled with the lock free: both are ready and either may win.
        boolean mustWait = timeline.compactionLock.owner() != null;
        if (mustWait && timeline.cancel.isCancelled()) return cancelledWaiting(tenant, timeline);
        try (var lock = timeline.compactionLock.lock()) {
            if (timeline.cancel.isCancelled() && (mustWait || sim.nextInt(2, "compact_with_options/select: cancellation or lock") == 0))
                return cancelledWaiting(tenant, timeline);
            return compactLegacy(tenant, timeline);
        }
    }

    private static Compacted cancelledWaiting(Tenant tenant, Timeline timeline) {
        tenant.sim.event("compaction", timeline.id + ": cancelled while waiting for compaction_lock, Ok(false)");
        return Compacted.SKIPPED;
    }

    // Rust: compaction.rs:325-479 compact_legacy @6149ac8834; compaction.rs:325-479 @49756a0d01
    private static Compacted compactLegacy(Tenant tenant, Timeline timeline) {
        var sim = tenant.sim;
        if (timeline.currentState() == TimelineState.STOPPING) return Compacted.error("ShuttingDown"); // "Dropping out of compaction on timeline shutdown"
        int steps = tenant.config.compactionSteps();
        int uploads = tenant.config.compactionUploads();
        int level0Steps = (steps + 1) / 2;
        for (int i = 0; i < level0Steps; i++) sim.yieldPoint("compact_level0 " + timeline.id);
        if (uploads > 0) {
            // compaction I/O notices the cancellation (layer reads answer Cancelled): ShuttingDown
            if (timeline.cancel.isCancelled()) return Compacted.error("ShuttingDown");
            // Rust: timeline.rs:4761-4818 finish_compact_batch @6149ac8834; timeline.rs:4761-4818 @49756a0d01
            if (!timeline.remoteClient.scheduleCompactionUpdate(uploads)) return Compacted.error("ShuttingDown"); // NotInitialized::ShuttingDown|Stopped
        }
        for (int i = level0Steps; i < steps; i++) sim.yieldPoint("create_image_layers " + timeline.id);
        if (timeline.cancel.isCancelled()) return Compacted.error("ShuttingDown");
        // Rust: timeline.rs:4845-4858 upload_new_image_layers @6149ac8834; timeline.rs:4845-4858 @49756a0d01
        if (!timeline.remoteClient.scheduleIndexUploadForFileChanges()) return Compacted.error("ShuttingDown");
        return Compacted.NOTHING_PENDING;
    }

    /**
     * HEAD's iteration (restructured by #10744): the snapshot
     * keeps only Active timelines and marks the offloadable ones; the L0 counts are read with an await
     * per timeline; pass 2 re-checks is_active, compacts, runs the gc-compaction queue and offloads only
     * after that. Pass 1 (L0 compaction, :3206-3236) has nothing to do in the model: no timeline has an
     * L0 backlog, so it never yields the iteration early.
     */
    // Rust: none @49756a0d01 (HEAD's restructured iteration); none @6149ac8834 (idem); tenant.rs:3135-3323 compaction_iteration @6a35a3e9f1
    public static String runHead(Tenant tenant) {
        var sim = tenant.sim;
        if (tenant.state.get() != TenantState.ACTIVE) return null; // :3141-3143 Skipped
        sim.preemptionPoint("compaction_iteration/before snapshot");
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
            Compacted r = compact(tenant, t); // :3257-3261, the ? returns a CompactionError
            if (r.error() != null) return r.error();
            if (r.skipped() || r.pendingTasks()) continue; // not Done: neither the gc-compaction queue nor the offload
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
