package offloadsim.model.tenant;

import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.api.Panic;

/** The steps of offload_timeline that the designs compose (see Variant#offloadTimeline). */
public final class OffloadSteps {
    private OffloadSteps() {}

    /**
     * offload_timeline's first step: DeleteTimelineFlow::prepare with offloaded children allowed; pre-10305
     * sets Stopping inside it ({@code setStopping}), the fix does not.
     */
    public static Prepared prepare(Tenant tenant, Timeline timeline, boolean setStopping) {
        return DeleteTimelineFlow.prepare(tenant, timeline.id, true, setStopping);
    }

    /** Rust: offload.rs offload_timeline, from timeline.shutdown(Reload) to store_tenant_manifest. */
    public static String finish(Tenant tenant, Timeline timeline, Prepared p) {
        var sim = tenant.sim;
        timeline.shutdown();
        deleteLocalTimelineDirectory(tenant, timeline);
        removeTimelineFromTenant(tenant, timeline);
        sim.preemptionPoint("offload_timeline/before timelines_offloaded");
        try (var go = tenant.lo.lock()) {
            var ts = tenant.state.get();
            if (ts == TenantState.STOPPING || ts == TenantState.BROKEN) {
                p.guard().release();
                return "Cancelled"; // #10150: do not race Tenant::shutdown's defusing
            }
            Boolean archived = timeline.remoteClient.archivedAtStoppedQueue();
            if (archived == null) throw new Panic("we checked above that timeline was ready (upload queue of " + timeline.id + " is not stopped)");
            if (!archived) throw new Panic("must be called on an archived timeline (" + timeline.id + ")");
            var idx = tenant.remote.peek().indices().get(timeline.id);
            if (idx == null || !idx.archived())
                tenant.findings.onlyArchivedOffloaded(timeline.id, "offloaded while its remote index says unarchived");
            tenant.offloaded.put(timeline.id, new OffloadedTimeline(timeline.id, timeline.ancestorId, true, timeline.deleteProgress));
            sim.event("offload", timeline.id + " inserted into timelines_offloaded");
        }
        String err = tenant.variant.uploadTenantManifest(tenant);
        p.guard().release();
        if (err != null) return err;
        sim.event("offload", "Timeline offload complete: " + timeline.id);
        return null;
    }

    // Rust: delete.rs delete_local_timeline_directory
    static void deleteLocalTimelineDirectory(Tenant tenant, Timeline timeline) {
        try (var c = timeline.compactionLock.lock(); var g = timeline.gcLock.lock()) {
            tenant.sim.yieldPoint("delete_local_timeline_directory/remove_dir_all");
            tenant.sim.yieldPoint("delete_local_timeline_directory/fsync");
        }
    }

    // Rust: offload.rs remove_timeline_from_tenant
    static void removeTimelineFromTenant(Tenant tenant, Timeline timeline) {
        try (var g = tenant.lt.lock()) {
            for (Timeline c : tenant.timelines.values())
                if (timeline.id.equals(c.ancestorId)) throw new Panic("Timeline grew children while we removed layer files (offload of " + timeline.id + ", child " + c.id + ")");
            if (tenant.timelines.remove(timeline.id) == null)
                throw new Panic("timeline " + timeline.id + " that we were deleting was concurrently removed from 'timelines' map");
        }
    }

    public static void setStopping(Timeline t) {
        t.setState(TimelineState.STOPPING);
    }
}
