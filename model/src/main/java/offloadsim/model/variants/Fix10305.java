package offloadsim.model.variants;

import offloadsim.model.remote.RemoteTimelineClient.ShutdownIfArchived;
import offloadsim.model.tenant.OffloadSteps;
import offloadsim.model.tenant.Prepared;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.timeline.Timeline;

/**
 * fix-10305 (6149ac8834): prepare no longer sets Stopping. shutdown_if_archived checks dirty and clean
 * archived_at and sets shutting_down in one upload-queue critical section — either unarchival got the
 * lock first (offload sees NotArchived and leaves the timeline untouched) or offload did (unarchival's
 * schedule call fails). Stopping is set only after that decision; the compaction call site swallows
 * NotArchived.
 */
public class Fix10305 extends Pre10305 {
    @Override
    public String rustCommit() {
        return "6149ac8834";
    }

    @Override
    public String id() {
        return "fix-10305";
    }

    @Override
    public String summary() {
        return "the adopted fix of #10305 (6149ac8834): the upload-queue lock arbitrates offload vs unarchival";
    }

    // Rust: offload.rs:32-106 offload_timeline @6149ac8834
    @Override
    public String offloadTimeline(Tenant tenant, Timeline caller) {
        OffloadSteps.Start start = OffloadSteps.prepare(tenant, caller, false);
        if (start.answered()) return start.answer();
        Prepared p = start.prepared();
        Timeline timeline = p.timeline(); // re-bound to the object prepare found in the map
        tenant.sim().preemptionPoint("offload_timeline/shutdown_if_archived");
        ShutdownIfArchived r = timeline.remoteClient.shutdownIfArchived();
        if (r == ShutdownIfArchived.NOT_ARCHIVED) {
            p.guard().release();
            return "NotArchived";
        }
        // NotInitialized: deleted, retried or shutting down — continue to stay idempotent
        tenant.sim().preemptionPoint("offload_timeline/set_state Stopping");
        OffloadSteps.setStopping(timeline);
        return OffloadSteps.finish(tenant, timeline, p);
    }

    // Rust: tenant.rs:3104 Tenant::compaction_iteration (the pausable failpoint before auto-offload) @6149ac8834
    //   — pausable_failpoint! awaits in testing builds (failpoint_support.rs:15-37)
    @Override
    public boolean pausableFailpointBeforeAutoOffload() {
        return true;
    }

    // Rust: tenant.rs:3109-3112 Tenant::compaction_iteration (the NotArchived arm) @6149ac8834
    //   — a NotArchived offload is ignored: offload lost the race to an unarchival
    @Override
    public boolean compactionIgnoresOffloadError(String error) {
        return "NotArchived".equals(error);
    }
}
