package offloadsim.model.remote;

import offloadsim.model.Findings;
import offloadsim.model.TaskMgr;
import offloadsim.sim.api.FailpointException;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimLatch;
import offloadsim.sim.api.SimMutex;

/**
 * remote_timeline_client.rs RemoteTimelineClient with its upload queue. Uploads run as spawned tasks
 * (task_mgr's RemoteUploadTask) and complete under the queue mutex, updating the clean index.
 */
public final class RemoteTimelineClient {

    /** shutdown_if_archived's answer (ShutdownIfArchivedError plus Ok). */
    public enum ShutdownIfArchived { OK, NOT_INITIALIZED, NOT_ARCHIVED }

    /** wait_completion's answer. */
    public enum WaitResult { OK, NOT_INITIALIZED, STOPPED, TIMEOUT }

    /** persist_index_part_with_deleted_flag's answer (PersistIndexPartWithDeletedFlagError plus Ok). */
    public enum PersistDeleted { OK, ALREADY_DELETED, ALREADY_IN_PROGRESS, NOT_STOPPED, CANCELLED }

    /** No timeout: wait_completion as timeline creation awaits it. */
    public static final long NO_TIMEOUT = -1;

    private final Sim sim;
    private final String timelineId;
    private final String ancestorId;
    private final RemoteStorage remote;
    private final Findings findings;
    /** The generation this client writes under (the tenant instance's). */
    private final int generation;
    private final TaskMgr taskMgr;
    private final SimMutex lq;
    private final UploadQueue q = new UploadQueue();
    /** Set once shutdown_if_archived let offload through: no archival change may be scheduled after (I3). */
    private boolean arbiterDecided;

    public RemoteTimelineClient(Sim sim, String timelineId, String ancestorId, RemoteStorage remote, Findings findings, int generation, TaskMgr taskMgr) {
        this.sim = sim;
        this.timelineId = timelineId;
        this.ancestorId = ancestorId;
        this.remote = remote;
        this.findings = findings;
        this.generation = generation;
        this.taskMgr = taskMgr;
        this.lq = sim.mutex("upload_queue " + timelineId, false);
    }

    // Rust: remote_timeline_client.rs:422-431 RemoteTimelineClient::init_upload_queue @49756a0d01;
    //   remote_timeline_client.rs:431-440 @6149ac8834
    //   — the set-up path: the world is built before any task runs, so L_Q is not taken
    public void initFromIndexAtSetup(boolean archived) {
        initialize(archived);
    }

    // Rust: remote_timeline_client.rs:422-431 RemoteTimelineClient::init_upload_queue @49756a0d01;
    //   remote_timeline_client.rs:431-440 @6149ac8834;
    //   remote_timeline_client.rs:435-444 RemoteTimelineClient::init_upload_queue_for_empty_remote @49756a0d01;
    //   remote_timeline_client.rs:444-453 @6149ac8834
    public void initUploadQueue(boolean archived) {
        try (var g = lq.lock()) {
            initialize(archived);
        }
    }

    // Rust: upload_queue.rs:205-245 UploadQueue::initialize_with_current_remote_index_part @49756a0d01;
    //   upload_queue.rs:205-245 @6149ac8834; upload_queue.rs:166-203 UploadQueue::initialize_empty_remote @49756a0d01;
    //   upload_queue.rs:166-203 @6149ac8834
    /** Both refuse ("already initialized") unless the queue is Uninitialized: a stopped queue is never resurrected. */
    private void initialize(boolean archived) {
        if (q.kind != UploadQueue.Kind.UNINITIALIZED)
            throw new IllegalStateException("upload queue of " + timelineId + " is already initialized (" + q.kind + ")");
        q.kind = UploadQueue.Kind.INITIALIZED;
        q.dirtyArchived = archived;
        q.cleanArchived = archived;
        q.shutdownReady = sim.latch("shutdown_ready " + timelineId);
    }

    // Rust: remote_timeline_client.rs:448-468 init_upload_queue_stopped_to_continue_deletion @49756a0d01; remote_timeline_client.rs:457-477 @6149ac8834
    /** Attach found the index marked deleted: the queue starts Stopped(Deletable), its deleted_at already persisted. */
    public void initUploadQueueStoppedToContinueDeletion(IndexPart index) {
        try (var g = lq.lock()) {
            if (q.kind != UploadQueue.Kind.UNINITIALIZED)
                throw new IllegalStateException("upload queue of " + timelineId + " is already initialized (" + q.kind + ")");
            q.kind = UploadQueue.Kind.STOPPED_DELETABLE;
            q.dirtyArchived = index.archived();
            q.cleanArchived = index.archived();
            q.deletedAt = UploadQueue.DeletedFlag.SUCCESSFUL;
        }
    }

    // Rust: remote_timeline_client.rs:544-551 RemoteTimelineClient::is_archived @49756a0d01; remote_timeline_client.rs:553-560 @6149ac8834
    //   — the persisted (clean) flag; None unless initialized_mut() succeeds
    public Boolean isArchived() {
        try (var g = lq.lock()) {
            return q.usable() ? q.cleanArchived : null;
        }
    }

    /**
     * Not upstream (a candidate fix's reading): the queue is usable and neither the dirty nor the clean
     * index says archived — nobody has archived the timeline, nor begun to, and no offload has passed
     * shutdown_if_archived on it. One L_Q critical section.
     */
    // Rust: none (a candidate fix's reading of the queue, not upstream)
    public boolean unarchivedInDirtyAndClean() {
        try (var g = lq.lock()) {
            return q.usable() && !q.dirtyArchived && !q.cleanArchived;
        }
    }

    // Rust: remote_timeline_client.rs:2424-2434 RemoteTimelineClient::no_pending_work @49756a0d01;
    //   remote_timeline_client.rs:2482-2492 @6149ac8834
    public boolean noPendingWork() {
        try (var g = lq.lock()) {
            return q.inProgress == 0 && q.queued.isEmpty();
        }
    }

    // Rust: remote_timeline_client.rs:783-817 RemoteTimelineClient::schedule_index_upload_for_timeline_archival_state @49756a0d01;
    //   remote_timeline_client.rs:792-826 @6149ac8834
    //   — returns whether the caller must wait for the upload (the persisted value still differs); null when the
    //   queue is not usable (NotInitialized)
    public Boolean scheduleIndexUploadForTimelineArchivalState(boolean archived) {
        try (var g = lq.lock()) {
            if (!q.usable()) return null;
            if (q.dirtyArchived != archived) {
                if (arbiterDecided) findings.arbiter(timelineId, "archival change scheduled after shutdown_if_archived let offload through");
                q.dirtyArchived = archived;
                sim.event("queue", timelineId + " dirty.archived_at=" + (archived ? "Some" : "None") + ", index upload queued");
                scheduleIndexUploadLocked();
            }
            return q.cleanArchived != archived;
        }
    }

    // Rust: remote_timeline_client.rs:741-755 RemoteTimelineClient::schedule_index_upload_for_full_metadata_update @49756a0d01;
    //   remote_timeline_client.rs:750-764 @6149ac8834
    //   — what branch_timeline_impl schedules for the new timeline: an upload of its index
    public void scheduleIndexUpload() {
        try (var g = lq.lock()) {
            if (!q.usable()) return;
            scheduleIndexUploadLocked();
        }
    }

    /**
     * Compaction's update: the layer files it wrote are added to the dirty index and queued for upload
     * (they start at once); the index itself is queued later by {@link #scheduleIndexUploadForFileChanges}.
     * False when the queue is not usable (NotInitialized).
     */
    // Rust: remote_timeline_client.rs:1344-1362 schedule_compaction_update @6149ac8834; remote_timeline_client.rs:1286-1304 @49756a0d01
    public boolean scheduleCompactionUpdate(int layers) {
        try (var g = lq.lock()) {
            if (!q.usable()) return false;
            for (int i = 0; i < layers; i++) {
                // schedule_layer_file_upload0
                String name = "layer-" + ++q.layerCounter;
                q.filesChangedSinceIndexScheduled++;
                q.queued.add(new UploadQueue.UploadLayer(name));
            }
            sim.event("queue", timelineId + " " + layers + " layer upload(s) scheduled by compaction");
            launchQueuedTasks();
            return true;
        }
    }

    /** Queues an index upload if layer files changed since the last one was queued; false when not usable. */
    // Rust: remote_timeline_client.rs:899-908 schedule_index_upload_for_file_changes @6149ac8834; remote_timeline_client.rs:841-850 @49756a0d01
    public boolean scheduleIndexUploadForFileChanges() {
        try (var g = lq.lock()) {
            if (!q.usable()) return false;
            if (q.filesChangedSinceIndexScheduled > 0) {
                scheduleIndexUploadLocked();
                sim.event("queue", timelineId + " index upload queued after the layer uploads");
            }
            return true;
        }
    }

    // Rust: remote_timeline_client.rs:911-938 schedule_index_upload @6149ac8834; remote_timeline_client.rs:853-880 @49756a0d01
    private void scheduleIndexUploadLocked() {
        q.queued.add(new UploadQueue.UploadIndex(q.dirtyArchived));
        q.filesChangedSinceIndexScheduled = 0;
        launchQueuedTasks();
    }

    // Rust: remote_timeline_client.rs:1307-1317 wait_completion @49756a0d01; remote_timeline_client.rs:1365-1375 @6149ac8834
    /**
     * A barrier behind the queued ops, awaited. Only apply_timeline_archival_config bounds the wait (10 s,
     * tenant.rs:2236); timeline creation passes {@link #NO_TIMEOUT}.
     */
    public WaitResult waitCompletion(String label, long timeoutNanos) {
        UploadQueue.Barrier b;
        try (var g = lq.lock()) {
            if (!q.usable()) return WaitResult.NOT_INITIALIZED;
            b = new UploadQueue.Barrier(sim.latch("barrier " + timelineId));
            q.queued.add(b);
            launchQueuedTasks();
        }
        if (timeoutNanos == NO_TIMEOUT) b.done.await(label);
        else if (!b.done.await(timeoutNanos, label)) return WaitResult.TIMEOUT;
        return b.dropped ? WaitResult.STOPPED : WaitResult.OK;
    }

    // Rust: remote_timeline_client.rs:835-875 RemoteTimelineClient::shutdown_if_archived @6149ac8834;
    //   none @49756a0d01 (added by #10305)
    //   — the arbiter of #10305
    public ShutdownIfArchived shutdownIfArchived() {
        try (var g = lq.lock()) {
            if (!q.usable()) return ShutdownIfArchived.NOT_INITIALIZED;
            // the Rust matches (dirty unarchived, clean unarchived): (_, true) wins over (true, false)
            if (!q.cleanArchived) {
                sim.event("arbiter", timelineId + ": can't shut down timeline: not archived in remote storage");
                return ShutdownIfArchived.NOT_ARCHIVED;
            }
            if (!q.dirtyArchived) {
                sim.event("arbiter", timelineId + ": can't shut down timeline: slated for unarchival");
                return ShutdownIfArchived.NOT_ARCHIVED;
            }
            arbiterDecided = true;
            beginShutdown();
            sim.event("arbiter", timelineId + ": archived in dirty and clean, shutting_down=true");
        }
        shutdown();
        return ShutdownIfArchived.OK;
    }

    // Rust: remote_timeline_client.rs:1355-1408 RemoteTimelineClient::shutdown @49756a0d01;
    //   remote_timeline_client.rs:1413-1466 @6149ac8834
    //   — not cancellation safe; waits for the queue to drain, then stop
    public void shutdown() {
        SimLatch ready;
        try (var g = lq.lock()) {
            switch (q.kind) {
                case STOPPED_DELETABLE, STOPPED_UNINITIALIZED -> {
                    return;
                }
                case UNINITIALIZED -> {
                    q.kind = UploadQueue.Kind.STOPPED_UNINITIALIZED;
                    return;
                }
                case INITIALIZED -> {
                    if (!q.shuttingDown) beginShutdown();
                    ready = q.shutdownReady;
                }
                default -> throw new IllegalStateException();
            }
        }
        ready.await("remote_timeline_client::shutdown/drain");
        stop();
    }

    // Rust: remote_timeline_client.rs:1385-1391 RemoteTimelineClient::shutdown (set shutting_down, queue Shutdown, launch) @49756a0d01;
    //   remote_timeline_client.rs:1443-1449 (set shutting_down, queue Shutdown, launch) @6149ac8834;
    //   remote_timeline_client.rs:864-869 RemoteTimelineClient::shutdown_if_archived (the same step, under the archival check's guard) @6149ac8834
    private void beginShutdown() {
        q.shuttingDown = true;
        q.queued.add(new UploadQueue.Shutdown());
        launchQueuedTasks();
    }

    // Rust: remote_timeline_client.rs:2325-2331 RemoteTimelineClient::stop @49756a0d01;
    //   remote_timeline_client.rs:2383-2389 @6149ac8834;
    //   remote_timeline_client.rs:2333-2412 RemoteTimelineClient::stop_impl @49756a0d01;
    //   remote_timeline_client.rs:2391-2470 @6149ac8834
    //   — freezes dirty and clean, drops what is still queued (a dropped barrier wakes its waiter)
    public void stop() {
        try (var g = lq.lock()) {
            if (q.kind != UploadQueue.Kind.INITIALIZED) {
                if (q.kind == UploadQueue.Kind.UNINITIALIZED) q.kind = UploadQueue.Kind.STOPPED_UNINITIALIZED;
                return;
            }
            q.kind = UploadQueue.Kind.STOPPED_DELETABLE;
            for (UploadQueue.Op op : q.queued) {
                if (op instanceof UploadQueue.Barrier b) {
                    b.dropped = true;
                    b.done.open();
                }
            }
            q.queued.clear();
            sim.event("queue", timelineId + " stopped " + q.describe());
        }
    }

    // Rust: remote_timeline_client.rs:1418-1496 persist_index_part_with_deleted_flag @49756a0d01; remote_timeline_client.rs:1476-1554 @6149ac8834
    /** Uploads the dirty index with deleted_at set; only on a stopped queue (the caller stopped it and joined its uploads). */
    public PersistDeleted persistIndexPartWithDeletedFlag(offloadsim.sim.api.CancellationToken cancel) {
        boolean archived;
        try (var g = lq.lock()) {
            if (q.kind != UploadQueue.Kind.STOPPED_DELETABLE) return PersistDeleted.NOT_STOPPED;
            switch (q.deletedAt) {
                case IN_PROGRESS -> { return PersistDeleted.ALREADY_IN_PROGRESS; }
                case SUCCESSFUL -> { return PersistDeleted.ALREADY_DELETED; }
                case NOT_RUNNING -> { }
            }
            q.deletedAt = UploadQueue.DeletedFlag.IN_PROGRESS;
            archived = q.dirtyArchived;
        }
        sim.yieldPoint("persist_index_part_with_deleted_flag/upload");
        if (cancel.isCancelled()) {
            try (var g = lq.lock()) {
                q.deletedAt = UploadQueue.DeletedFlag.NOT_RUNNING;
            }
            return PersistDeleted.CANCELLED;
        }
        remote.upload(new IndexPart(timelineId, ancestorId, archived, true), generation);
        try (var g = lq.lock()) {
            q.deletedAt = UploadQueue.DeletedFlag.SUCCESSFUL;
        }
        sim.event("queue", timelineId + " index uploaded with deleted_at (g" + generation + ")");
        return PersistDeleted.OK;
    }

    // Rust: remote_timeline_client.rs:1637-1798 delete_all @49756a0d01; remote_timeline_client.rs:1695-1856 @6149ac8834
    /** Deletes every object under the timeline's prefix; refuses unless deleted_at was persisted first. Returns null or the error. */
    public String deleteAll() {
        try (var g = lq.lock()) {
            if (q.kind != UploadQueue.Kind.STOPPED_DELETABLE) return "Other(upload queue is not stopped)";
            if (q.deletedAt != UploadQueue.DeletedFlag.SUCCESSFUL) return "Other(deleted_at is not set)";
        }
        sim.yieldPoint("RemoteTimelineClient::delete_all");
        remote.deleteAll(timelineId);
        return null;
    }

    // Rust: remote_timeline_client.rs:556-565 RemoteTimelineClient::archived_at_stopped_queue @49756a0d01;
    //   remote_timeline_client.rs:565-574 @6149ac8834 — null unless Stopped(Deletable)
    public Boolean archivedAtStoppedQueue() {
        try (var g = lq.lock()) {
            return q.kind == UploadQueue.Kind.STOPPED_DELETABLE ? q.cleanArchived : null;
        }
    }

    // Rust: remote_timeline_client.rs:1863-1972 launch_queued_tasks @6149ac8834; remote_timeline_client.rs:1805-1914 @49756a0d01
    private void launchQueuedTasks() {
        while (!q.queued.isEmpty()) {
            UploadQueue.Op front = q.queued.peek();
            // a layer upload can always start; an index upload, a barrier and the shutdown marker wait for
            // everything in flight; nothing jumps a front op that cannot start
            boolean canRunNow = front instanceof UploadQueue.UploadLayer || q.inProgress == 0;
            if (!canRunNow) break;
            if (front instanceof UploadQueue.Shutdown) {
                q.shutdownReady.open(); // left in the queue; stop() drops it
                break;
            }
            q.queued.poll();
            switch (front) {
                case UploadQueue.UploadLayer l -> {
                    q.inProgress++;
                    taskMgr.spawn(TaskMgr.Kind.REMOTE_UPLOAD_TASK, timelineId, "upload " + timelineId + " " + l.layer(), cancel -> performUploadTask(l, cancel));
                }
                case UploadQueue.UploadIndex up -> {
                    q.inProgress++;
                    taskMgr.spawn(TaskMgr.Kind.REMOTE_UPLOAD_TASK, timelineId, "upload " + timelineId, cancel -> performUploadTask(up, cancel));
                }
                case UploadQueue.Barrier b -> b.done.open();
                case UploadQueue.Shutdown s -> throw new IllegalStateException("shutdown is never popped off");
            }
        }
    }

    // Rust: remote_timeline_client.rs:1985-2320 perform_upload_task @6149ac8834; remote_timeline_client.rs:1927-2262 @49756a0d01
    /**
     * Retried until it succeeds or its task's shutdown token is cancelled (then it stops the queue);
     * completion under L_Q, which sets clean only for an index upload.
     */
    private void performUploadTask(UploadQueue.Op op, offloadsim.sim.api.CancellationToken cancel) {
        boolean layer = op instanceof UploadQueue.UploadLayer;
        while (true) {
            if (cancel.isCancelled()) {
                sim.event("queue", timelineId + " upload task cancelled by shutdown request");
                stop();
                return;
            }
            sim.yieldPoint(layer ? "perform_upload_task/upload layer file" : "perform_upload_task/upload index_part");
            try {
                sim.failpoint(layer ? "remote-upload-layer" : "remote-upload-index");
                break;
            } catch (FailpointException e) {
                sim.sleep(1_000_000_000L, "perform_upload_task/backoff");
            }
        }
        if (op instanceof UploadQueue.UploadIndex up) remote.upload(new IndexPart(timelineId, ancestorId, up.archived(), false), generation);
        try (var g = lq.lock()) {
            q.inProgress--;
            if (q.kind == UploadQueue.Kind.INITIALIZED) {
                if (op instanceof UploadQueue.UploadIndex up) {
                    q.cleanArchived = up.archived();
                    sim.event("queue", timelineId + " clean.archived_at=" + (up.archived() ? "Some" : "None") + " (uploaded)");
                } else {
                    sim.event("queue", timelineId + " " + ((UploadQueue.UploadLayer) op).layer() + " uploaded");
                }
                launchQueuedTasks();
            }
        }
    }

    /** Between-steps view of {@link #isArchived()}: the persisted flag, or null unless the queue is usable. */
    public Boolean peekArchived() {
        return q.usable() ? q.cleanArchived : null;
    }

    /** Between-steps view for oracles and reports. */
    public String describe() {
        return q.describe();
    }

    /** Between-steps view: whether the queue is shutting down or stopped. */
    public boolean peekStoppingOrStopped() {
        return q.shuttingDown || q.kind == UploadQueue.Kind.STOPPED_DELETABLE || q.kind == UploadQueue.Kind.STOPPED_UNINITIALIZED;
    }
}
