package offloadsim.model.oracles;

import offloadsim.model.Pageserver;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.tenant.TenantState;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.explore.Violation;

/**
 * I1 (#10220): with every operation finished and the tenant Active, no timeline in `timelines` may be
 * Stopping — nothing will ever make it Active again, offload it or remove it short of detach+attach.
 */
final class StuckStoppingOracle implements ModelOracle {
    public String name() {
        return OracleNames.STUCK_STOPPING;
    }

    public Violation atQuiescence(Pageserver ps) {
        Tenant t = ps.peekTenant();
        if (t.peekState() != TenantState.ACTIVE) return null;
        var remote = ps.remote().peek();
        for (Timeline tl : t.peekTimelines().values()) {
            if (tl.peekState() != TimelineState.STOPPING || tl.deleteProgress.peekHeld()) continue;
            var idx = remote.indices().get(tl.id);
            if (idx != null && idx.deleted()) continue;
            String archived = idx == null ? "no index" : idx.archived() ? "archived" : "unarchived";
            return new Violation(name(), "timeline " + tl.id + " (" + archived + " in remote storage) is left Stopping in timelines while tenant is Active;"
                    + " get_timeline(" + tl.id + ", active_only) fails with NotActive(Stopping): an endpoint cannot start");
        }
        return null;
    }
}
