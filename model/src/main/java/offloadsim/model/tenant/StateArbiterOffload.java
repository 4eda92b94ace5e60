package offloadsim.model.tenant;

import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;

/**
 * alt-state, the design #10305 rejected: a new timeline state Offloading is the arbiter. Offload sets it
 * through the two-step set_state (only from Active), then checks is_archived(); unarchival refuses a
 * timeline it sees Offloading. Both the state write and the unarchival's state read are separate from
 * the upload-queue operations, so the decision is not atomic (#10297 is why the PR rejected it).
 */
final class StateArbiterOffload implements OffloadFlow {
    // Rust: offload.rs offload_timeline, as the rejected alternative would have been written
    @Override
    public String offloadTimeline(Tenant tenant, Timeline timeline) {
        Prepared p = DeleteTimelineFlow.prepare(tenant, timeline.id, true, false);
        if (p.error() != null) return "Other(" + p.error() + ")";
        if (p.timeline() == null) {
            p.guard().release();
            return null;
        }
        if (timeline.currentState() != TimelineState.ACTIVE) {
            p.guard().release();
            return "Other(NotActive)";
        }
        tenant.sim.preemptionPoint("offload_timeline/set_state Offloading");
        timeline.setState(TimelineState.OFFLOADING);
        tenant.sim.preemptionPoint("offload_timeline/is_archived");
        Boolean archived = timeline.remoteClient.isArchived();
        if (archived == null || !archived) {
            tenant.sim.preemptionPoint("offload_timeline/restore Active");
            timeline.setState(TimelineState.ACTIVE);
            p.guard().release();
            return archived == null ? "Cancelled" : "NotArchived";
        }
        tenant.sim.preemptionPoint("offload_timeline/set_state Stopping");
        OffloadSteps.setStopping(timeline);
        return OffloadSteps.finish(tenant, timeline, p);
    }
}
