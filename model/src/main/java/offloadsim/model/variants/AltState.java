package offloadsim.model.variants;

import offloadsim.model.tenant.OffloadSteps;
import offloadsim.model.tenant.Prepared;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;

/**
 * alt-state, the second idea #10305 rejected: a new timeline state Offloading is the arbiter. Offload
 * sets it through the two-step set_state (only from Active), then checks is_archived(); unarchival
 * refuses a timeline it sees Offloading. Both the state write and the unarchival's state read are
 * separate from the upload-queue operations, so the decision is not atomic (#10297 is why the PR
 * rejected it).
 */
public class AltState extends Pre10305 {
    @Override
    public String id() {
        return "alt-state";
    }

    @Override
    public String summary() {
        return "rejected design 2: an Offloading timeline state, set through the racy set_state, as the arbiter";
    }

    // Rust: offload.rs offload_timeline, as the rejected alternative would have been written (no upstream code)
    @Override
    public String offloadTimeline(Tenant tenant, Timeline timeline) {
        Prepared p = OffloadSteps.prepare(tenant, timeline, false);
        if (p.error() != null) return offloadGuardRefused(tenant, timeline, p.error());
        if (p.timeline() == null) {
            p.guard().release();
            return null;
        }
        if (timeline.currentState() != TimelineState.ACTIVE) {
            p.guard().release();
            return "Other(NotActive)";
        }
        tenant.sim().preemptionPoint("offload_timeline/set_state Offloading");
        timeline.setState(TimelineState.OFFLOADING);
        tenant.sim().preemptionPoint("offload_timeline/is_archived");
        Boolean archived = timeline.remoteClient.isArchived();
        if (archived == null || !archived) {
            tenant.sim().preemptionPoint("offload_timeline/restore Active");
            timeline.setState(TimelineState.ACTIVE);
            p.guard().release();
            return archived == null ? "Cancelled" : "NotArchived";
        }
        tenant.sim().preemptionPoint("offload_timeline/set_state Stopping");
        OffloadSteps.setStopping(timeline);
        return OffloadSteps.finish(tenant, timeline, p);
    }

    @Override
    public String archivalConfigRefusal(Timeline timeline, boolean archive) {
        return !archive && timeline.currentState() == TimelineState.OFFLOADING ? "AlreadyInProgress" : null;
    }
}
