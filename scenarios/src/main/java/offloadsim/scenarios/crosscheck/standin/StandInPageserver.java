package offloadsim.scenarios.crosscheck.standin;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import offloadsim.model.OpResult;
import offloadsim.model.Variant;
import offloadsim.scenarios.crosscheck.TenantApi;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimMutex;
import offloadsim.sim.api.SimVar;
import offloadsim.sim.api.TaskHandle;

/**
 * A deliberately small stand-in of the offload arbiter, written against the runtime API ({@link Sim}) so it
 * runs on the deterministic simulator, on {@code JvmSim} under Lincheck, and on raw threads under jcstress.
 * It exists to prove the cross-check infrastructure before the real model ({@code offloadsim.model}) lands,
 * and stays as a self-test of that infrastructure: if the three engines disagree on <em>this</em>, the
 * harness is wrong, not the model.
 *
 * <p>What it keeps from the Rust code (neon-offload-notes §3, §4, §5, §12): one tenant lock L_T over
 * {@code timelines}/{@code offloaded}; per timeline an upload queue with its own lock L_Q, {@code dirty} and
 * {@code clean} archived flags and {@code shutting_down}; uploads spawned as tasks that set {@code clean};
 * the compaction snapshot of {@code can_offload} taken under L_T and used later; pre-10305 offload setting
 * Stopping <em>before</em> reading {@code is_archived()} (and queue shutdown as a separate L_Q section);
 * fix-10305's {@code shutdown_if_archived} (check dirty and clean and set shutting_down in one L_Q section,
 * Stopping only after). Everything else (layers, manifest, gates, retries) is left out. Only PRE_10305 and
 * FIX_10305 are supported.
 */
public final class StandInPageserver implements TenantApi {

    public enum TimelineState { ACTIVE, STOPPING }

    /** Result of {@link UploadQueue#shutdownIfArchived()}. */
    public enum ShutdownIfArchived { OK, NOT_ARCHIVED, NOT_INITIALIZED }

    /** Thrown by a schedule call on a queue that is shutting down or stopped (NotInitialized). */
    public static final class NotInitialized extends RuntimeException {
        NotInitialized() {
            super("upload queue is shutting down or stopped", null, false, false);
        }
    }

    /** RemoteTimelineClient + UploadQueue, reduced to the archival flag. Fields are guarded by {@link #lq}. */
    public static final class UploadQueue {
        private final Sim sim;
        private final String timeline;
        private final SimMutex lq;
        private final Map<String, Boolean> remoteIndex; // shared "remote storage": timeline -> archived
        private boolean dirtyArchived;
        private boolean cleanArchived;
        private boolean shuttingDown;
        private boolean stopped;
        private long scheduledSeq; // index uploads in scheduling order; clean is monotonic by it
        private long completedSeq;
        private TaskHandle lastUpload;

        UploadQueue(Sim sim, String timeline, boolean archived, Map<String, Boolean> remoteIndex) {
            this.sim = sim;
            this.timeline = timeline;
            this.lq = sim.mutex("L_Q " + timeline, false);
            this.remoteIndex = remoteIndex;
            this.dirtyArchived = archived;
            this.cleanArchived = archived;
        }

        /** is_archived(): the persisted (clean) value, or null if the queue is not usable. */
        public Boolean isArchived() {
            try (var g = lq.lock()) {
                return shuttingDown || stopped ? null : cleanArchived;
            }
        }

        /**
         * schedule_index_upload_for_timeline_archival_state: under L_Q change dirty and queue an index upload;
         * the upload is a spawned task (inline on JvmSim(inlineSpawn=true)). Returns need_wait.
         */
        public boolean scheduleArchival(boolean archived) {
            boolean upload;
            boolean needWait;
            long seq;
            try (var g = lq.lock()) {
                if (shuttingDown || stopped) throw new NotInitialized();
                upload = dirtyArchived != archived;
                if (upload) dirtyArchived = archived;
                needWait = cleanArchived != archived;
                seq = upload ? ++scheduledSeq : 0;
            }
            if (upload) {
                TaskHandle h = sim.spawn("upload " + timeline, () -> completeUpload(seq, archived));
                try (var g = lq.lock()) {
                    if (lastUpload == null || seq == scheduledSeq) lastUpload = h;
                }
            }
            return needWait;
        }

        /** perform_upload_task's completion: uploads in flight still complete while shutting down. */
        private void completeUpload(long seq, boolean snapshot) {
            sim.yieldPoint("upload/put_index_part");
            try (var g = lq.lock()) {
                if (stopped || seq < completedSeq) return;
                completedSeq = seq;
                synchronized (remoteIndex) {
                    remoteIndex.put(timeline, snapshot);
                }
                cleanArchived = snapshot;
            }
        }

        /** wait_completion(): waits for the newest upload task, then whether the persisted value caught up. */
        public boolean waitCompletion(boolean archived) {
            TaskHandle h;
            try (var g = lq.lock()) {
                h = lastUpload;
            }
            if (h != null) h.join();
            try (var g = lq.lock()) {
                return cleanArchived == archived;
            }
        }

        /** fix-10305: one L_Q critical section checks dirty and clean and sets shutting_down. */
        public ShutdownIfArchived shutdownIfArchived() {
            try (var g = lq.lock()) {
                if (shuttingDown || stopped) return ShutdownIfArchived.NOT_INITIALIZED;
                if (!(dirtyArchived && cleanArchived)) return ShutdownIfArchived.NOT_ARCHIVED;
                shuttingDown = true;
                return ShutdownIfArchived.OK;
            }
        }

        /** shutdown(): set shutting_down (if not yet), then stop (nothing is in flight once uploads are inline). */
        public void shutdown() {
            try (var g = lq.lock()) {
                shuttingDown = true;
            }
            sim.yieldPoint("shutdown/drain");
            try (var g = lq.lock()) {
                stopped = true;
            }
        }

        public boolean cleanArchived() {
            try (var g = lq.lock()) {
                return cleanArchived;
            }
        }

        public boolean isShutDown() {
            try (var g = lq.lock()) {
                return shuttingDown || stopped;
            }
        }
    }

    /** A Timeline: its state (a watch channel, set_state is read-then-write) and its queue. */
    public static final class Timeline {
        public final String id;
        public final String ancestor;
        public final SimVar<TimelineState> state;
        public final UploadQueue rq;
        final SimVar<Boolean> cancelled;

        Timeline(Sim sim, String id, String ancestor, boolean archived, Map<String, Boolean> remoteIndex) {
            this.id = id;
            this.ancestor = ancestor;
            this.state = sim.var("state " + id, TimelineState.ACTIVE);
            this.rq = new UploadQueue(sim, id, archived, remoteIndex);
            this.cancelled = sim.var("cancel " + id, false);
        }

        public void setStopping() {
            state.set(TimelineState.STOPPING);
        }

        public boolean isActive() {
            return state.get() == TimelineState.ACTIVE;
        }
    }

    /** A lone Active timeline whose index (dirty and clean) says archived: the jcstress arbiter tests' state. */
    public static Timeline archivedTimeline(Sim sim, String id) {
        return new Timeline(sim, id, null, true, new LinkedHashMap<>());
    }

    private final Sim sim;
    private final Variant variant;
    private final SimMutex lt;
    private final Map<String, Timeline> timelines = new LinkedHashMap<>(); // guarded by lt
    private final Set<String> offloaded = new LinkedHashSet<>(); // guarded by lt
    private final Set<String> offloadInProgress = new LinkedHashSet<>(); // deletion guard; guarded by lt
    private final Map<String, Boolean> remoteIndex = new LinkedHashMap<>();
    private final Map<String, String> ancestors = new LinkedHashMap<>();

    /** The world of unarchive-during-compaction: main, and t1 (child of main) archived. */
    public static StandInPageserver start(Sim sim, Variant variant) {
        if (variant != Variant.PRE_10305 && variant != Variant.FIX_10305)
            throw new IllegalArgumentException("the stand-in models only pre-10305 and fix-10305, not " + variant.id());
        StandInPageserver ps = new StandInPageserver(sim, variant);
        ps.add("main", null, false);
        ps.add("t1", "main", true);
        return ps;
    }

    private StandInPageserver(Sim sim, Variant variant) {
        this.sim = sim;
        this.variant = variant;
        this.lt = sim.mutex("L_T", false);
    }

    private void add(String id, String ancestor, boolean archived) {
        remoteIndex.put(id, archived);
        ancestors.put(id, ancestor);
        timelines.put(id, new Timeline(sim, id, ancestor, archived, remoteIndex));
    }

    public Variant variant() {
        return variant;
    }

    @Override
    public OpResult archive(String t) {
        return archival(t, true);
    }

    @Override
    public OpResult unarchive(String t) {
        return archival(t, false);
    }

    private OpResult archival(String t, boolean archived) {
        String op = archived ? "archive" : "unarchive";
        Timeline tl;
        try (var g = lt.lock()) {
            tl = timelines.get(t);
            if (tl == null) {
                if (!offloaded.contains(t)) return OpResult.err(op, t, "NotFound");
                if (archived) return OpResult.ok(op, t, "already offloaded");
                if (offloadInProgress.contains(t)) return OpResult.err(op, t, "AlreadyInProgress");
                // unoffload (atomic here; the real path awaits index download, layer map, manifest)
                boolean idx;
                synchronized (remoteIndex) {
                    idx = remoteIndex.get(t);
                }
                tl = new Timeline(sim, t, ancestors.get(t), idx, remoteIndex);
                offloaded.remove(t);
                timelines.put(t, tl);
            }
        }
        sim.yieldPoint(op + "/after_validation");
        boolean needWait;
        try {
            needWait = tl.rq.scheduleArchival(archived);
        } catch (NotInitialized e) {
            return OpResult.err(op, t, tl.cancelled.get() ? "Cancelled" : "Other", "upload queue not initialized");
        }
        if (needWait && !tl.rq.waitCompletion(archived)) return OpResult.err(op, t, "Cancelled", "barrier dropped");
        return OpResult.ok(op, t);
    }

    @Override
    public OpResult compactionIteration() {
        record Kept(Timeline tl, boolean active, boolean canOffload) {}
        java.util.List<Kept> kept = new java.util.ArrayList<>();
        try (var g = lt.lock()) {
            for (Timeline tl : timelines.values()) {
                boolean active = tl.isActive();
                boolean hasChildren = false;
                for (Timeline c : timelines.values()) hasChildren |= tl.id.equals(c.ancestor);
                boolean canOffload = Boolean.TRUE.equals(tl.rq.isArchived()) && !hasChildren;
                if (active || canOffload) kept.add(new Kept(tl, active, canOffload));
            }
        }
        for (Kept k : kept) {
            if (!k.active) continue; // pending_task_left == None: never offloaded
            sim.yieldPoint("compaction/compact " + k.tl.id);
            if (!k.canOffload) continue;
            String err = offload(k.tl);
            if (err == null) continue;
            if (variant == Variant.FIX_10305 && err.equals("NotArchived")) continue; // "we likely raced with unarchival"
            return OpResult.err("compaction", null, "Offload", err);
        }
        return OpResult.ok("compaction", null);
    }

    /** offload_timeline; returns null on success, else the OffloadError name. */
    private String offload(Timeline tl) {
        try (var g = lt.lock()) {
            if (timelines.get(tl.id) != tl) return "NotFound";
            if (!offloadInProgress.add(tl.id)) return "AlreadyInProgress";
            if (variant == Variant.PRE_10305) tl.setStopping(); // DeleteTimelineFlow::prepare sets Stopping first
        }
        try {
            if (variant == Variant.PRE_10305) {
                sim.preemptionPoint("offload_timeline/is_archived");
                Boolean a = tl.rq.isArchived();
                if (a == null) return "Cancelled";
                if (!a) return "NotArchived"; // leaves the timeline Stopping: #10220
                sim.preemptionPoint("offload_timeline/shutdown");
                tl.rq.shutdown();
            } else {
                sim.preemptionPoint("offload_timeline/shutdown_if_archived");
                ShutdownIfArchived r = tl.rq.shutdownIfArchived();
                if (r == ShutdownIfArchived.NOT_ARCHIVED) return "NotArchived";
                tl.rq.shutdown();
                sim.preemptionPoint("offload_timeline/set_stopping");
                tl.setStopping();
            }
            tl.cancelled.set(true);
            sim.yieldPoint("offload_timeline/delete_local_files");
            try (var g = lt.lock()) {
                timelines.remove(tl.id);
                offloaded.add(tl.id);
            }
            return null;
        } finally {
            try (var g = lt.lock()) {
                offloadInProgress.remove(tl.id);
            }
        }
    }

    @Override
    public OpResult getTimeline(String t, boolean activeOnly) {
        try (var g = lt.lock()) {
            Timeline tl = timelines.get(t);
            if (tl == null) return OpResult.err("get-timeline", t, "NotFound");
            TimelineState s = tl.state.get();
            if (activeOnly && s != TimelineState.ACTIVE) return OpResult.err("get-timeline", t, "NotActive", "state: " + s);
            return OpResult.ok("get-timeline", t);
        }
    }

    /** For oracles: whether the remote index says archived. */
    public boolean remoteArchived(String t) {
        synchronized (remoteIndex) {
            return remoteIndex.getOrDefault(t, false);
        }
    }

    /** Canonical state text, read without locks: for oracles at quiescence (the simulator forbids locking outside tasks). */
    public String describeState() {
        StringBuilder sb = new StringBuilder();
        timelines.forEach((id, tl) -> sb.append(id).append('=').append(tl.state.get()).append(tl.rq.cleanArchived ? "/archived" : "").append(' '));
        sb.append("offloaded=").append(offloaded);
        return sb.toString();
    }
}
