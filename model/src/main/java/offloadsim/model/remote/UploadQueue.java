package offloadsim.model.remote;

import java.util.ArrayDeque;
import offloadsim.sim.api.SimLatch;

/**
 * upload_queue.rs UploadQueue: all fields are guarded by the owning client's queue mutex (L_Q).
 * Only what the races touch is kept: the archived flag of the dirty (intended) and clean (persisted)
 * index, the queued operations and the shutdown hand-shake.
 */
final class UploadQueue {

    enum Kind { UNINITIALIZED, INITIALIZED, STOPPED_DELETABLE, STOPPED_UNINITIALIZED }

    /** UploadOp: UploadMetadata carries the index snapshot it uploads; UploadLayer one layer file. */
    sealed interface Op permits UploadLayer, UploadIndex, Barrier, Shutdown {}

    /** UploadOp::UploadLayer: a layer file compaction wrote; the next index upload references it. */
    record UploadLayer(String layer) implements Op {}

    record UploadIndex(boolean archived) implements Op {}

    static final class Barrier implements Op {
        final SimLatch done;
        boolean dropped;

        Barrier(SimLatch done) {
            this.done = done;
        }
    }

    record Shutdown() implements Op {}

    /** UploadQueueStoppedDeletable::deleted_at (SetDeletedFlagProgress). */
    enum DeletedFlag { NOT_RUNNING, IN_PROGRESS, SUCCESSFUL }

    Kind kind = Kind.UNINITIALIZED;
    DeletedFlag deletedAt = DeletedFlag.NOT_RUNNING;
    boolean dirtyArchived;
    boolean cleanArchived;
    boolean shuttingDown;
    /** inprogress_tasks.len(): spawned upload tasks (layers and index) not yet completed. */
    int inProgress;
    /** latest_files_changes_since_metadata_upload_scheduled: layer files the dirty index gained since its last upload was queued. */
    int filesChangedSinceIndexScheduled;
    /** Names the layer files compaction writes (layer-1, layer-2, ...). */
    int layerCounter;
    final ArrayDeque<Op> queued = new ArrayDeque<>();
    SimLatch shutdownReady;

    /**
     * initialized_mut(): usable only when Initialized and not shutting down. The shutting-down refusal is
     * the half of the #10305 arbiter that stops an unarchive (and every other schedule call) once offload
     * has decided; .ci/mutation-initialized-mut.sh checks that the suite fails without it.
     */
    // Rust: upload_queue.rs:247-262 initialized_mut @6149ac8834; upload_queue.rs:247-262 @49756a0d01
    boolean usable() {
        return kind == Kind.INITIALIZED && !shuttingDown;
    }

    String describe() {
        return kind + (kind == Kind.INITIALIZED || kind == Kind.STOPPED_DELETABLE
                ? "(dirty=" + (dirtyArchived ? "archived" : "unarchived") + ",clean=" + (cleanArchived ? "archived" : "unarchived")
                  + (shuttingDown ? ",shutting_down" : "") + (queued.isEmpty() ? "" : ",queued=" + queued.size()) + (inProgress > 0 ? ",in_progress=" + inProgress : "") + ")"
                : "");
    }
}
