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
    private record Compacted(boolean pendingTasks, String error) {
        static final Compacted NOTHING_PENDING = new Compacted(false, null);

        static Compacted error(String e) {
            return new Compacted(false, e);
        }
    }

    // Rust: tenant.rs:2903-3115 Tenant::compaction_iteration @49756a0d01; tenant.rs:2904-3124 @6149ac8834
    //   — returns null or the CompactionError
    static String run(Tenant tenant) {
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
        return Compacted.NOTHING_PENDING;
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
