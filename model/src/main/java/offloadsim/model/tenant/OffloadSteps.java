package offloadsim.model.tenant;

import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.ShutdownMode;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.api.Panic;

/** The steps of offload_timeline that the designs compose (see Variant#offloadTimeline). */
public final class OffloadSteps {
    private OffloadSteps() {}

    // Rust: offload.rs:38-41 offload_timeline (the DeleteTimelineFlow::prepare call) @49756a0d01;
    //   offload.rs:39-47 (the DeleteTimelineFlow::prepare call) @6149ac8834
    /**
     * offload_timeline's first step: DeleteTimelineFlow::prepare with offloaded children allowed; pre-10305
     * sets Stopping inside it ({@code setStopping}), the fix does not.
     */
    public static Start prepare(Tenant tenant, Timeline timeline, boolean setStopping) {
        Prepared p = DeleteTimelineFlow.prepare(tenant, timeline.id, true, setStopping);
        if (p.error() != null) return new Start(p, true, tenant.variant.offloadGuardRefused(tenant, timeline, p.error()));
        if (p.timeline() == null) { // offloaded already: Ok, the guard dropped
            p.guard().release();
            return new Start(p, true, null);
        }
        return new Start(p, false, null);
    }

    /**
     * What prepare leaves a design: either offload has {@code answered} already (prepare's error as Other, or
     * Ok for a timeline that is offloaded already), or it goes on holding {@code prepared}'s guard with the
     * timeline object prepare found in the map.
     */
    public record Start(Prepared prepared, boolean answered, String answer) {}

    // Rust: offload.rs:63-104 offload_timeline (from timeline.shutdown(Reload) to store_tenant_manifest) @49756a0d01;
    //   offload.rs:65-106 (from timeline.shutdown(Reload) to store_tenant_manifest) @6149ac8834
    public static String finish(Tenant tenant, Timeline timeline, Prepared p) {
        try {
            return finishHoldingGuard(tenant, timeline, p);
        } catch (Panic e) {
            p.guard().release(); // the owned DeletionGuard (a tokio guard) is dropped while the panic unwinds
            throw e;
        }
    }

    // Rust: offload.rs:63-104 offload_timeline (from timeline.shutdown(Reload) to store_tenant_manifest) @49756a0d01;
    //   offload.rs:65-106 (from timeline.shutdown(Reload) to store_tenant_manifest) @6149ac8834
    private static String finishHoldingGuard(Tenant tenant, Timeline timeline, Prepared p) {
        var sim = tenant.sim;
        // Timeline::shutdown's walreceiver and last_record_lsn sections come before the upload queue's: the
        // archival check (L_Q) and the queue shutdown (L_Q) are separate critical sections
        sim.preemptionPoint("Timeline::shutdown/before remote_client.shutdown");
        timeline.shutdown(ShutdownMode.RELOAD);
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
            if (archived == null) throw tenant.panicHolding("we checked above that timeline was ready (upload queue of " + timeline.id + " is not stopped)", tenant.lo);
            if (!archived) throw tenant.panicHolding("must be called on an archived timeline (" + timeline.id + ")", tenant.lo);
            // the model's own check (a finding, not Rust): a recorded read of the prefix, as it decides a finding
            var idx = tenant.remote.download(timeline.id);
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

    // Rust: delete.rs:63-112 delete_local_timeline_directory @49756a0d01; delete.rs:63-112 @6149ac8834
    static void deleteLocalTimelineDirectory(Tenant tenant, Timeline timeline) {
        try (var c = timeline.compactionLock.lock(); var g = timeline.gcLock.lock()) {
            tenant.sim.yieldPoint("delete_local_timeline_directory/remove_dir_all");
            tenant.sim.yieldPoint("delete_local_timeline_directory/fsync");
        }
    }

    // Rust: offload.rs:110-132 remove_timeline_from_tenant @49756a0d01; offload.rs:112-134 @6149ac8834
    static void removeTimelineFromTenant(Tenant tenant, Timeline timeline) {
        try (var g = tenant.lt.lock()) {
            for (Timeline c : tenant.timelines.values())
                if (timeline.id.equals(c.ancestorId)) throw tenant.panicHolding("Timeline grew children while we removed layer files (offload of " + timeline.id + ", child " + c.id + ")", tenant.lt);
            if (tenant.timelines.remove(timeline.id) == null)
                throw tenant.panicHolding("timeline " + timeline.id + " that we were deleting was concurrently removed from 'timelines' map", tenant.lt);
        }
    }

    // Rust: offload.rs:62 offload_timeline (set_state Stopping after the arbiter) @6149ac8834;
    //   none @49756a0d01 (pre sets Stopping inside DeleteTimelineFlow::prepare)
    public static void setStopping(Timeline t) {
        t.setState(TimelineState.STOPPING);
    }
}
