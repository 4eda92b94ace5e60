package offloadsim.model.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import offloadsim.model.Findings;
import offloadsim.model.TimelineView;
import offloadsim.model.Variant;
import offloadsim.model.remote.IndexPart;
import offloadsim.model.remote.RemoteStorage;
import offloadsim.model.spec.WorldSpec;
import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.ShutdownMode;
import offloadsim.model.timeline.Timeline;
import offloadsim.sim.api.Sim;

/** The tenant package's entry points for the Pageserver facade (errors as Rust variant names, null = Ok). */
public final class TenantOps {
    private TenantOps() {}

    public static Tenant attachAtSetup(Sim sim, Variant v, RemoteStorage r, Findings f, WorldSpec c) {
        return Tenant.attach(sim, v, r, f, c, 1, true);
    }

    /** tenant_spawn: the next generation, Attaching; the caller installs it in the tenant map, then runs {@link #attach(Tenant)}. */
    public static Tenant spawn(Sim sim, Variant v, RemoteStorage r, Findings f, WorldSpec c, int generation) {
        return Tenant.spawn(sim, v, r, f, c, generation);
    }

    public static Tenant attach(Tenant t) {
        return t.attach(false);
    }

    // Rust: routes.rs:844-882 timeline_archival_config_handler @49756a0d01; routes.rs:844-882 @6149ac8834
    //   — wait_to_become_active, then apply_timeline_archival_config
    public static String applyArchivalConfig(Tenant t, String id, boolean archive) {
        String wait = t.waitToBecomeActive("timeline_archival_config_handler/wait_to_become_active");
        if (wait != null) return wait;
        return ArchivalConfig.apply(t, id, archive);
    }

    // Rust: tasks.rs:161-263 compaction_loop @49756a0d01; tasks.rs:161-263 @6149ac8834
    //   — one iteration of the loop, which runs as a task_mgr task of the tenant
    public static String compactionIteration(Tenant t) {
        var task = t.enterTask(); // the iteration runs as a task_mgr task of the tenant, which Tenant::shutdown waits for
        try {
            return t.variant.compactionIteration(t);
        } finally {
            t.exitTask(task);
        }
    }

    // Rust: routes.rs:572-700 timeline_create_handler @49756a0d01; routes.rs:572-700 @6149ac8834
    /** The handler waits for the tenant to become active (routes.rs:640) before Tenant::create_timeline. */
    public static String branch(Tenant t, String parent, String child) {
        String wait = t.waitToBecomeActive("timeline_create_handler/wait_to_become_active");
        if (wait != null) return wait;
        return CreateTimeline.branch(t, parent, child);
    }

    // Rust: routes.rs:1047-1077 timeline_delete_handler @49756a0d01; routes.rs:1047-1077 @6149ac8834
    //   — wait_to_become_active, then Tenant::delete_timeline, which runs DeleteTimelineFlow::run
    public static String delete(Tenant t, String id) {
        String wait = t.waitToBecomeActive("timeline_delete_handler/wait_to_become_active");
        if (wait != null) return wait;
        return DeleteTimelineFlow.run(t, id);
    }

    public static String shutdown(Tenant t, ShutdownMode mode) {
        return t.shutdown(mode);
    }

    public static String getTimeline(Tenant t, String id, boolean activeOnly) {
        return t.getTimeline(id, activeOnly);
    }

    public static String createRoot(Tenant t, String id) {
        return BootstrapTimeline.create(t, id);
    }

    // Rust: routes.rs:884-928 timeline_detail_handler @6149ac8834; routes.rs:884-928 @49756a0d01
    //   — get_timeline without active_only
    public static String timelineDetail(Tenant t, String id) {
        String wait = t.waitToBecomeActive("timeline_detail_handler/wait_to_become_active");
        if (wait != null) return wait;
        return t.getTimeline(id, false);
    }

    // Rust: routes.rs:2163-2208 timeline_offload_handler @6149ac8834; routes.rs:2163-2208 @49756a0d01
    // Rust: routes.rs:2513-2523 active_timeline_of_active_tenant @6149ac8834; routes.rs:2513-2523 @49756a0d01
    // Rust: tenant.rs:3208-3213 timeline_has_no_attached_children @6149ac8834; tenant.rs:3199-3204 @49756a0d01
    // Rust: timeline.rs:1607-1617 Timeline::can_offload @6149ac8834; timeline.rs:1607-1617 @49756a0d01
    /**
     * The manual offload the tests call (PUT .../offload): Ok at once if already offloaded; else the
     * timeline must be Active in an Active tenant, have no loaded children and pass can_offload; then the
     * design's offload_timeline runs (the same one compaction calls). Errors are the handler's ApiError.
     */
    public static String manualOffload(Tenant t, String id) {
        try (var go = t.lo.lock()) {
            if (t.offloaded.containsKey(id)) return null; // get_offloaded_timeline(..).is_ok()
        }
        String wait = t.waitToBecomeActive("timeline_offload_handler/wait_to_become_active");
        if (wait != null) return wait;
        Timeline timeline;
        try (var gt = t.lt.lock()) {
            timeline = t.timelines.get(id);
            if (timeline == null) return "NotFound";
            if (!timeline.isActive()) return "NotActive(" + timeline.currentState() + ")";
        }
        t.sim.preemptionPoint("timeline_offload_handler/timeline_has_no_attached_children");
        try (var gt = t.lt.lock()) {
            for (Timeline c : t.timelines.values())
                if (id.equals(c.ancestorId)) return "PreconditionFailed(timeline has attached children)";
        }
        t.sim.preemptionPoint("timeline_offload_handler/can_offload");
        if (!Boolean.TRUE.equals(timeline.remoteClient.isArchived())) return "PreconditionFailed(the timeline is not archived)";
        if (!timeline.remoteClient.noPendingWork()) return "PreconditionFailed(the upload queue is not drained yet)";
        String err = t.variant.offloadTimeline(t, timeline);
        if (err == null) return null;
        return err.equals("Cancelled") ? "ResourceUnavailable(Timeline shutting down)" : "InternalServerError(" + err + ")";
    }

    // Rust: tenant.rs:2312-2330 list_timelines_and_offloaded @6149ac8834; tenant.rs:2311-2329 @49756a0d01
    /** What the listing and detail APIs show of one timeline: timelines under its lock, then timelines_offloaded under its own. */
    public static TimelineView observe(Tenant t, String id) {
        Timeline tl;
        try (var gt = t.lt.lock()) {
            tl = t.timelines.get(id);
        }
        if (tl != null) return new TimelineView(TimelineView.TIMELINES, tl.currentState().toString(), tl.remoteClient.isArchived());
        try (var go = t.lo.lock()) {
            return t.offloaded.containsKey(id) ? new TimelineView(TimelineView.OFFLOADED, null, true) : TimelineView.ABSENT;
        }
    }

    /** The same view read between steps, without locks (oracles, quiescence). */
    public static TimelineView peekView(Tenant t, String id) {
        Timeline tl = t.timelines.get(id);
        if (tl != null) return new TimelineView(TimelineView.TIMELINES, tl.peekState().toString(), tl.remoteClient.peekArchived());
        OffloadedTimeline o = t.offloaded.get(id);
        return o != null ? new TimelineView(TimelineView.OFFLOADED, null, true) : TimelineView.ABSENT;
    }

    /**
     * Why Tenant::attach of this remote state would fail, or null: the same tree sort attach does (every
     * timeline to load needs its ancestor loaded; manifest entries stay offloaded, deleted indices are not loaded).
     */
    public static String attachPreview(RemoteStorage.Snapshot snap) {
        TreeSet<String> loaded = new TreeSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (IndexPart ip : snap.indices().values()) {
                if (ip.deleted() || snap.manifest().contains(ip.timelineId()) || loaded.contains(ip.timelineId())) continue;
                if (ip.ancestorId() == null || loaded.contains(ip.ancestorId())) {
                    loaded.add(ip.timelineId());
                    progress = true;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (IndexPart ip : snap.indices().values())
            if (!ip.deleted() && !snap.manifest().contains(ip.timelineId()) && !loaded.contains(ip.timelineId()))
                missing.add(ip.timelineId() + " (ancestor " + ip.ancestorId() + ")");
        return missing.isEmpty() ? null : "missing ancestors for " + String.join(", ", missing);
    }
}
