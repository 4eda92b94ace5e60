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

    /** UploadOp: UploadMetadata carries the index snapshot it uploads. */
    sealed interface Op permits UploadIndex, Barrier, Shutdown {}

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
    int inProgress;
    final ArrayDeque<Op> queued = new ArrayDeque<>();
    SimLatch shutdownReady;

    /** initialized_mut(): usable only when Initialized and not shutting down. */
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
