package offloadsim.model.oracles;

import offloadsim.model.Pageserver;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.tenant.TenantState;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.explore.Violation;

/** I1 liveness: after an acknowledged unarchive and quiescence, an endpoint can start on the timeline. */
final class EndpointStartOracle implements ModelOracle {
    public String name() {
        return OracleNames.ENDPOINT_START;
    }

    public Violation atQuiescence(Pageserver ps) {
        Tenant t = ps.peekTenant();
        if (t.peekState() != TenantState.ACTIVE) return null;
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        for (var r : ps.history().results()) if (r.timeline() != null) ids.add(r.timeline());
        for (String id : ids) {
            if (!ArchivalIntent.unarchiveAcknowledgedLast(ps, id)) continue;
            Timeline tl = t.peekTimelines().get(id);
            if (tl == null)
                return new Violation(name(), "unarchive(" + id + ") was acknowledged but " + id + " is not in timelines"
                        + (t.peekOffloaded().containsKey(id) ? " (it is offloaded)" : "") + ": endpoint start fails with NotFound");
            if (tl.peekState() != TimelineState.ACTIVE)
                return new Violation(name(), "unarchive(" + id + ") was acknowledged but " + id + " is " + tl.peekState() + ": endpoint start fails with NotActive");
        }
        return null;
    }
}
