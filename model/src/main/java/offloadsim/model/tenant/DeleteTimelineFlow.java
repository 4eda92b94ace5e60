package offloadsim.model.tenant;

import offloadsim.model.TaskMgr;
import offloadsim.model.remote.IndexPart;
import offloadsim.model.remote.RemoteTimelineClient;
import offloadsim.model.timeline.DeletionGuard;
import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.ShutdownMode;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.api.Panic;
import offloadsim.sim.api.SimGate;

/** delete.rs DeleteTimelineFlow: the guard shared by deletion and offload, and deletion itself. */
final class DeleteTimelineFlow {
    private DeleteTimelineFlow() {}

    // Rust: delete.rs:333-397 prepare @49756a0d01; delete.rs:335-402 @6149ac8834
    /** Synchronous, under timelines then timelines_offloaded. */
    static Prepared prepare(Tenant tenant, String id, boolean allowOffloadedChildren, boolean setStopping) {
        try (var gt = tenant.lt.lock(); var go = tenant.lo.lock()) {
            Timeline t = tenant.timelines.get(id);
            OffloadedTimeline o = t == null ? tenant.offloaded.get(id) : null;
            if (t == null && o == null) return Prepared.error("NotFound");
            if (!allowOffloadedChildren) {
                for (OffloadedTimeline c : tenant.offloaded.values()) if (id.equals(c.ancestorId)) return Prepared.error("HasChildren");
            }
            for (Timeline c : tenant.timelines.values()) if (id.equals(c.ancestorId)) return Prepared.error("HasChildren");
            DeletionGuard guard = t != null ? t.deleteProgress : o.deleteProgress;
            if (!guard.tryLock()) return Prepared.error("AlreadyInProgress");
            if (t != null && setStopping) t.setStateHoldingLocks(TimelineState.STOPPING);
            return new Prepared(t, o, guard, null);
        }
    }

    // Rust: delete.rs:190-270 run @49756a0d01; delete.rs:190-272 @6149ac8834
    /**
     * 202 Accepted once the background part is spawned. A loaded timeline is shut down Hard and its own
     * (now stopped) client persists deleted_at, with no download; an offloaded one gets a fresh client
     * from its downloaded index, and a missing index means the deletion is already complete: Ok, the
     * guard dropped and the entry left in timelines_offloaded.
     */
    static String run(Tenant tenant, String id) {
        Prepared p = prepare(tenant, id, false, true);
        if (p.error() != null) return p.error();
        p.guard().markInProgress();
        var sim = tenant.sim;
        RemoteTimelineClient client;
        if (p.timeline() != null) {
            p.timeline().shutdown(ShutdownMode.HARD);
            client = p.timeline().remoteClient;
        } else {
            sim.yieldPoint("DeleteTimelineFlow::run/download_index_file");
            IndexPart index = tenant.remote.download(id, tenant.generation);
            if (index == null) {
                p.guard().release();
                sim.event("delete", id + ": timeline already deleted in remote storage (entry left in timelines_offloaded)");
                return null;
            }
            client = tenant.newClient(id, index.ancestorId());
            client.initUploadQueue(index.archived());
            client.shutdown();
        }
        String err = setDeletedInRemoteIndex(tenant, client);
        if (err != null) {
            p.guard().release();
            return err;
        }
        scheduleBackground(tenant, p, client);
        return null;
    }

    // Rust: delete.rs:30-48 set_deleted_in_remote_index @49756a0d01; delete.rs:30-48 @6149ac8834
    private static String setDeletedInRemoteIndex(Tenant tenant, RemoteTimelineClient client) {
        return switch (client.persistIndexPartWithDeletedFlag(tenant.cancel)) {
            case OK, ALREADY_DELETED -> null;
            case ALREADY_IN_PROGRESS -> "Other(persist_index_part_with_deleted_flag: already in progress)";
            case NOT_STOPPED -> "Other(persist_index_part_with_deleted_flag: upload queue is not stopped)";
            case CANCELLED -> "Other(persist_index_part_with_deleted_flag: cancelled)";
        };
    }

    // Rust: delete.rs:286-331 resume_deletion @49756a0d01; delete.rs:288-333 @6149ac8834
    /** Attach found the index marked deleted: a Stopping timeline with its guard held goes into timelines, and the background part runs. */
    static void resumeDeletion(Tenant tenant, IndexPart index) {
        String id = index.timelineId();
        RemoteTimelineClient client = tenant.newClient(id, index.ancestorId());
        client.initUploadQueueStoppedToContinueDeletion(index);
        Timeline t = new Timeline(tenant.sim, tenant.findings, id, null, index.ancestorId(), client, new DeletionGuard(tenant.sim, id),
                tenant.cancel, tenant.taskMgr, TimelineState.STOPPING);
        if (!t.deleteProgress.tryLock()) throw new Panic("cannot happen because we're the only owner");
        try (var gt = tenant.lt.lock()) {
            tenant.timelines.put(id, t);
        }
        t.deleteProgress.markInProgress();
        tenant.sim.event("delete", id + ": index is marked deleted, resuming deletion (g" + tenant.generation + ")");
        scheduleBackground(tenant, new Prepared(t, null, t.deleteProgress, null), client);
    }

    // Rust: delete.rs:399-431 schedule_background @49756a0d01; delete.rs:404-436 @6149ac8834; delete.rs:362-403 @6a35a3e9f1
    /**
     * A TimelineDeletionWorker task of the tenant (joined by a shutdown whose scan sees it). An error sets
     * a loaded timeline Broken; the guard is released when the task ends, however it ends (a panic unwinds
     * through the owned guard).
     */
    private static void scheduleBackground(Tenant tenant, Prepared p, RemoteTimelineClient client) {
        String id = p.timeline() != null ? p.timeline().id : p.offloaded().id;
        SimGate.Guard tenantGuard = null;
        if (tenant.variant.deletionTaskHoldsTenantGate()) {
            tenantGuard = tenant.gate.enter();
            if (tenantGuard == null) { // durably marked deleted already: the next attach resumes the deletion
                tenant.sim.event("delete", id + ": tenant is shutting down, deletion resumes when it next starts");
                p.guard().release();
                return;
            }
        }
        SimGate.Guard heldGate = tenantGuard;
        tenant.taskMgr.spawn(TaskMgr.Kind.TIMELINE_DELETION_WORKER, id, "delete " + id, cancel -> {
            try (heldGate) {
                String err = background(tenant, p, client);
                if (err != null) {
                    tenant.sim.event("delete", id + ": " + ("Cancelled".equals(err) ? "shutdown during timeline deletion" : "error " + err));
                    if (p.timeline() != null) p.timeline().setBroken(err);
                }
            } finally {
                p.guard().release();
            }
        });
    }

    // Rust: delete.rs:433-473 background @49756a0d01; delete.rs:438-478 @6149ac8834
    // Rust: delete.rs:116-155 remove_maybe_offloaded_timeline_from_tenant @49756a0d01; delete.rs:116-155 @6149ac8834
    private static String background(Tenant tenant, Prepared p, RemoteTimelineClient client) {
        String id = p.timeline() != null ? p.timeline().id : p.offloaded().id;
        var sim = tenant.sim;
        if (p.timeline() != null) OffloadSteps.deleteLocalTimelineDirectory(tenant, p.timeline()); // takes compaction_lock, then gc_lock
        String deleteErr = client.deleteAll();
        if (deleteErr != null) return deleteErr;
        sim.failpoint("in_progress_delete");
        try (var gt = tenant.lt.lock(); var go = tenant.lo.lock()) {
            for (Timeline c : tenant.timelines.values())
                if (id.equals(c.ancestorId)) throw tenant.panicHolding("Timeline grew children while we removed layer files (delete of " + id + ")", tenant.lt, tenant.lo);
            for (OffloadedTimeline c : tenant.offloaded.values())
                if (id.equals(c.ancestorId)) throw tenant.panicHolding("Timeline grew children while we removed layer files (delete of " + id + ")", tenant.lt, tenant.lo);
            boolean removed = p.timeline() != null ? tenant.timelines.remove(id) != null : tenant.offloaded.remove(id) != null;
            if (!removed) throw tenant.panicHolding("timeline " + id + " that we were deleting was concurrently removed from the map", tenant.lt, tenant.lo);
        }
        String err = tenant.variant.uploadTenantManifest(tenant);
        if (err != null) return "Cancelled".equals(err) ? "Cancelled" : "Other(" + err + ")";
        p.guard().markFinished();
        sim.event("delete", id + " finished");
        return null;
    }
}
