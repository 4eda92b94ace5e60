package offloadsim.model.variants;

import offloadsim.model.tenant.CompactionIteration;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.timeline.Timeline;

/**
 * alt-recheck, the first idea #10305 rejected: the pre-fix offload plus a fresh can_offload evaluation
 * at the compaction call site right before offloading, with no lock held across the check and the
 * offload — so an unarchive can still slip in between.
 */
public class AltRecheck extends Pre10305 {
    @Override
    public String id() {
        return "alt-recheck";
    }

    @Override
    public String summary() {
        return "rejected design 1: pre-10305 plus a can_offload re-check right before offloading (no lock across)";
    }

    // Rust: none (rejected design alt-recheck: can_offload evaluated afresh right before offloading, no lock held across)
    @Override
    public boolean beforeAutoOffload(Tenant tenant, Timeline timeline) {
        if (!CompactionIteration.stillOffloadable(tenant, timeline)) return false;
        tenant.sim().preemptionPoint("compaction_iteration/after can_offload recheck");
        return true;
    }
}
