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
    //   upload_queue.rs:205-245 @6149ac8834;
    //   upload_queue.rs:166-203 UploadQueue::initialize_empty_remote @49756a0d01; upload_queue.rs:166-203 @6149ac8834
    //   — dirty and clean both start from the index
    private void initialize(boolean archived) {
        q.kind = UploadQueue.Kind.INITIALIZED;
        q.dirtyArchived = archived;
        q.cleanArchived = archived;
        q.shutdownReady = sim.latch("shutdown_ready " + timelineId);
    }

    // Rust: remote_timeline_client.rs:544-551 RemoteTimelineClient::is_archived @49756a0d01;
    //   remote_timeline_client.rs:553-560 @6149ac8834
    //   — the persisted (clean) flag; None unless initialized_mut() succeeds
    public Boolean isArchived() {
        try (var g = lq.lock()) {
            return q.usable() ? q.cleanArchived : null;
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
                q.queued.add(new UploadQueue.UploadIndex(archived));
                sim.event("queue", timelineId + " dirty.archived_at=" + (archived ? "Some" : "None") + ", index upload queued");
                launchQueuedTasks();
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
            q.queued.add(new UploadQueue.UploadIndex(q.dirtyArchived));
            launchQueuedTasks();
        }
    }

    // Rust: remote_timeline_client.rs:1307-1317 RemoteTimelineClient::wait_completion @49756a0d01;
    //   remote_timeline_client.rs:1365-1375 @6149ac8834
    //   — a barrier behind the queued ops, awaited; Rust times the wait out (10 s) only in
    //   apply_timeline_archival_config, creation waits without a timeout (the model times both out: audit #4)
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

    // Rust: remote_timeline_client.rs:556-565 RemoteTimelineClient::archived_at_stopped_queue @49756a0d01;
    //   remote_timeline_client.rs:565-574 @6149ac8834
    //   — null unless Stopped(Deletable)
    public Boolean archivedAtStoppedQueue() {
        try (var g = lq.lock()) {
            return q.kind == UploadQueue.Kind.STOPPED_DELETABLE ? q.cleanArchived : null;
        }
    }

    // Rust: remote_timeline_client.rs:1805-1914 RemoteTimelineClient::launch_queued_tasks @49756a0d01;
    //   remote_timeline_client.rs:1863-1972 @6149ac8834
    //   — called with L_Q held
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

    // Rust: remote_timeline_client.rs:1927-2262 RemoteTimelineClient::perform_upload_task @49756a0d01;
    //   remote_timeline_client.rs:1985-2320 @6149ac8834
    //   — retried with backoff until it succeeds (Rust also gives up on cancellation: audit #7); completion under L_Q
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
