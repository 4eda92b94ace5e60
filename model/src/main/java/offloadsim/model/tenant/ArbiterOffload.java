package offloadsim.model.tenant;

import offloadsim.model.remote.RemoteTimelineClient.ShutdownIfArchived;
import offloadsim.model.timeline.Timeline;

/**
 * fix-10305 (6149ac8834): prepare no longer sets Stopping. shutdown_if_archived checks dirty and clean
 * archived_at and sets shutting_down in one upload-queue critical section — either unarchival got the
 * lock first (offload sees NotArchived and leaves the timeline untouched) or offload did (unarchival's
 * schedule call fails). Stopping is set only after that decision.
 */
final class ArbiterOffload implements OffloadFlow {
    // Rust: offload.rs offload_timeline (6149ac8834)
    @Override
    public String offloadTimeline(Tenant tenant, Timeline timeline) {
        Prepared p = DeleteTimelineFlow.prepare(tenant, timeline.id, true, false);
        if (p.error() != null) return "Other(" + p.error() + ")";
        if (p.timeline() == null) {
            p.guard().release();
            return null;
        }
        tenant.sim.preemptionPoint("offload_timeline/shutdown_if_archived");
        ShutdownIfArchived r = timeline.remoteClient.shutdownIfArchived();
        if (r == ShutdownIfArchived.NOT_ARCHIVED) {
            p.guard().release();
            return "NotArchived";
        }
        // NotInitialized: deleted, retried or shutting down — continue to stay idempotent
        tenant.sim.preemptionPoint("offload_timeline/set_state Stopping");
        OffloadSteps.setStopping(timeline);
        return OffloadSteps.finish(tenant, timeline, p);
    }
}
