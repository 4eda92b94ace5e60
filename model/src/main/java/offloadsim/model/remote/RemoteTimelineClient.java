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

    // Rust: remote_timeline_client.rs init_upload_queue (set-up path, no task running)
    public void initFromIndexAtSetup(boolean archived) {
        initialize(archived);
    }

    // Rust: remote_timeline_client.rs init_upload_queue / init_upload_queue_for_empty_remote
    public void initUploadQueue(boolean archived) {
        try (var g = lq.lock()) {
            initialize(archived);
        }
    }

    // Rust: upload_queue.rs:166-245 initialize_empty_remote, initialize_with_current_remote_index_part @49756a0d01; upload_queue.rs:166-245 @6149ac8834
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

    // Rust: remote_timeline_client.rs is_archived — reads the persisted (clean) flag; None unless usable
    public Boolean isArchived() {
        try (var g = lq.lock()) {
            return q.usable() ? q.cleanArchived : null;
        }
    }

    // Rust: remote_timeline_client.rs no_pending_work
    public boolean noPendingWork() {
        try (var g = lq.lock()) {
            return q.inProgress == 0 && q.queued.isEmpty();
        }
    }

    /**
     * Rust: remote_timeline_client.rs schedule_index_upload_for_timeline_archival_state. Returns whether
     * the caller must wait for the upload (the persisted value still differs); null when the queue is not
     * usable (NotInitialized).
     */
    public Boolean scheduleIndexUploadForTimelineArchivalState(boolean archived) {
        try (var g = lq.lock()) {
            if (!q.usable()) return null;
            if (q.dirtyArchived != archived) {
                if (arbiterDecided) findings.arbiter(timelineId, "archival change scheduled after shutdown_if_archived let offload through");
                q.dirtyArchived = archived;
                q.queued.add(new UploadQueue.UploadIndex(archived));
                sim.event("queue", timelineId + " dirty.archived_at=" + (archived ? "Some" : "None") + ", index upload queued");
                launchQueuedTasks();
            }
            return q.cleanArchived != archived;
        }
    }

    // Rust: remote_timeline_client.rs schedule_index_upload (used by branch creation for a new timeline)
    public void scheduleIndexUpload() {
        try (var g = lq.lock()) {
            if (!q.usable()) return;
            q.queued.add(new UploadQueue.UploadIndex(q.dirtyArchived));
            launchQueuedTasks();
        }
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

    // Rust: remote_timeline_client.rs shutdown_if_archived (6149ac8834) — the arbiter of #10305
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

    // Rust: remote_timeline_client.rs shutdown — not cancellation safe; waits for the queue to drain, then stop
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

    private void beginShutdown() {
        q.shuttingDown = true;
        q.queued.add(new UploadQueue.Shutdown());
        launchQueuedTasks();
    }

    // Rust: remote_timeline_client.rs stop / stop_impl — freezes dirty and clean, drops what is still queued
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

    /** Rust: remote_timeline_client.rs archived_at_stopped_queue — null unless Stopped(Deletable). */
    public Boolean archivedAtStoppedQueue() {
        try (var g = lq.lock()) {
            return q.kind == UploadQueue.Kind.STOPPED_DELETABLE ? q.cleanArchived : null;
        }
    }

    // Rust: remote_timeline_client.rs launch_queued_tasks (called with L_Q held)
    private void launchQueuedTasks() {
        while (!q.queued.isEmpty()) {
            UploadQueue.Op front = q.queued.peek();
            if (q.inProgress > 0) break; // index uploads, barriers and shutdown wait for everything in flight
            if (front instanceof UploadQueue.UploadIndex up) {
                q.queued.poll();
                q.inProgress++;
                taskMgr.spawn(TaskMgr.Kind.REMOTE_UPLOAD_TASK, timelineId, "upload " + timelineId, cancel -> performUploadTask(up.archived(), cancel));
            } else if (front instanceof UploadQueue.Barrier b) {
                q.queued.poll();
                b.done.open();
            } else {
                q.shutdownReady.open();
                break;
            }
        }
    }

    // Rust: remote_timeline_client.rs:1927-2262 perform_upload_task @49756a0d01; remote_timeline_client.rs:1985-2320 @6149ac8834
    /** Retried until it succeeds or its task's shutdown token is cancelled (then it stops the queue); completion under L_Q. */
    private void performUploadTask(boolean archived, offloadsim.sim.api.CancellationToken cancel) {
        while (true) {
            if (cancel.isCancelled()) {
                sim.event("queue", timelineId + " upload task cancelled by shutdown request");
                stop();
                return;
            }
            sim.yieldPoint("perform_upload_task/upload index_part");
            try {
                sim.failpoint("remote-upload-index");
                break;
            } catch (FailpointException e) {
                sim.sleep(1_000_000_000L, "perform_upload_task/backoff");
            }
        }
        remote.upload(new IndexPart(timelineId, ancestorId, archived, false), generation);
        try (var g = lq.lock()) {
            q.inProgress--;
            if (q.kind == UploadQueue.Kind.INITIALIZED) {
                q.cleanArchived = archived;
                sim.event("queue", timelineId + " clean.archived_at=" + (archived ? "Some" : "None") + " (uploaded)");
                launchQueuedTasks();
            }
        }
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
