package offloadsim.model.remote;

import offloadsim.model.Findings;
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

    private static final long WAIT_COMPLETION_TIMEOUT_NANOS = 10_000_000_000L;

    private final Sim sim;
    private final String timelineId;
    private final String ancestorId;
    private final RemoteStorage remote;
    private final Findings findings;
    private final SimMutex lq;
    private final UploadQueue q = new UploadQueue();
    /** Set once shutdown_if_archived let offload through: no archival change may be scheduled after (I3). */
    private boolean arbiterDecided;

    public RemoteTimelineClient(Sim sim, String timelineId, String ancestorId, RemoteStorage remote, Findings findings) {
        this.sim = sim;
        this.timelineId = timelineId;
        this.ancestorId = ancestorId;
        this.remote = remote;
        this.findings = findings;
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

    private void initialize(boolean archived) {
        q.kind = UploadQueue.Kind.INITIALIZED;
        q.dirtyArchived = archived;
        q.cleanArchived = archived;
        q.shutdownReady = sim.latch("shutdown_ready " + timelineId);
    }

    // Rust: remote_timeline_client.rs is_archived — reads the persisted (clean) flag; None unless usable
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
    public boolean unarchivedInDirtyAndClean() {
        try (var g = lq.lock()) {
            return q.usable() && !q.dirtyArchived && !q.cleanArchived;
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

    // Rust: remote_timeline_client.rs wait_completion — a barrier behind the queued ops, awaited (10 s timeout at the caller)
    public WaitResult waitCompletion(String label) {
        UploadQueue.Barrier b;
        try (var g = lq.lock()) {
            if (!q.usable()) return WaitResult.NOT_INITIALIZED;
            b = new UploadQueue.Barrier(sim.latch("barrier " + timelineId));
            q.queued.add(b);
            launchQueuedTasks();
        }
        if (!b.done.await(WAIT_COMPLETION_TIMEOUT_NANOS, label)) return WaitResult.TIMEOUT;
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
                sim.spawn("upload " + timelineId, () -> performUploadTask(up.archived()));
            } else if (front instanceof UploadQueue.Barrier b) {
                q.queued.poll();
                b.done.open();
            } else {
                q.shutdownReady.open();
                break;
            }
        }
    }

    // Rust: remote_timeline_client.rs perform_upload_task — retried until it succeeds, completion under L_Q
    private void performUploadTask(boolean archived) {
        while (true) {
            sim.yieldPoint("perform_upload_task/upload index_part");
            try {
                sim.failpoint("remote-upload-index");
                break;
            } catch (FailpointException e) {
                sim.sleep(1_000_000_000L, "perform_upload_task/backoff");
            }
        }
        remote.upload(new IndexPart(timelineId, ancestorId, archived, false));
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
