package offloadsim.model.variants;

import offloadsim.model.Variant;
import offloadsim.model.tenant.OffloadSteps;
import offloadsim.model.tenant.Prepared;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.timeline.Timeline;

/**
 * pre-10305 (49756a0d01): prepare sets Stopping while holding the maps' locks, and only afterwards
 * is_archived() reads the persisted flag. If the timeline was unarchived in between, offload returns
 * NotArchived and leaves it Stopping for good (#10220).
 */
public class Pre10305 extends Variant {
    @Override
    public String rustCommit() {
        return "49756a0d01";
    }

    @Override
    public String id() {
        return "pre-10305";
    }

    @Override
    public String summary() {
        return "the code before Neon PR #10305 (49756a0d01): Stopping is set before is_archived() is read";
    }

    // Rust: offload.rs:31-104 offload_timeline @49756a0d01
    @Override
    public String offloadTimeline(Tenant tenant, Timeline caller) {
        OffloadSteps.Start start = OffloadSteps.prepare(tenant, caller, true);
        if (start.answered()) return start.answer();
        Prepared p = start.prepared();
        Timeline timeline = p.timeline(); // re-bound to the object prepare found in the map
        tenant.sim().preemptionPoint("offload_timeline/is_archived");
        Boolean archived = timeline.remoteClient.isArchived();
        if (archived == null) {
            p.guard().release();
            return "Cancelled";
        }
        if (!archived) {
            p.guard().release();
            tenant.sim().event("offload", timeline.id + ": timeline is not archived (it stays Stopping)");
            return "NotArchived";
        }
        return OffloadSteps.finish(tenant, timeline, p);
    }
}
