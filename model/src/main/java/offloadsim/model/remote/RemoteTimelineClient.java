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
                sim.event("queue", timelineId + " dirty.archived_at=" + (archived ? "Some" : "None") + ", index upload queued");
                scheduleIndexUploadLocked();
            }
            return q.cleanArchived != archived;
        }
    }

    // Rust: remote_timeline_client.rs schedule_index_upload (used by branch creation for a new timeline)
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
                    sim.spawn("upload " + timelineId + " " + l.layer(), () -> performUploadTask(l));
                }
                case UploadQueue.UploadIndex up -> {
                    q.inProgress++;
                    sim.spawn("upload " + timelineId, () -> performUploadTask(up));
                }
                case UploadQueue.Barrier b -> b.done.open();
                case UploadQueue.Shutdown s -> throw new IllegalStateException("shutdown is never popped off");
            }
        }
    }

    // Rust: remote_timeline_client.rs:1985-2320 perform_upload_task @6149ac8834; remote_timeline_client.rs:1927-2262 @49756a0d01
    // (retried until it succeeds; completion under L_Q, which sets clean only for an index upload)
    private void performUploadTask(UploadQueue.Op op) {
        boolean layer = op instanceof UploadQueue.UploadLayer;
        while (true) {
            sim.yieldPoint(layer ? "perform_upload_task/upload layer file" : "perform_upload_task/upload index_part");
            try {
                sim.failpoint(layer ? "remote-upload-layer" : "remote-upload-index");
                break;
            } catch (FailpointException e) {
                sim.sleep(1_000_000_000L, "perform_upload_task/backoff");
            }
        }
        if (op instanceof UploadQueue.UploadIndex up) remote.upload(new IndexPart(timelineId, ancestorId, up.archived(), false));
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

    /** Between-steps view for oracles and reports. */
    public String describe() {
        return q.describe();
    }

    /** Between-steps view: whether the queue is shutting down or stopped. */
    public boolean peekStoppingOrStopped() {
        return q.shuttingDown || q.kind == UploadQueue.Kind.STOPPED_DELETABLE || q.kind == UploadQueue.Kind.STOPPED_UNINITIALIZED;
    }
}
