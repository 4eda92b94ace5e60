package offloadsim.model.oracles;

import java.util.TreeSet;
import offloadsim.model.Pageserver;
import offloadsim.model.remote.IndexPart;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.tenant.TenantState;
import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.Timeline;
import offloadsim.sim.explore.Violation;

/**
 * I7: a loaded timeline's ancestor is loaded, an offloaded one's is loaded or offloaded, and the remote
 * state can be attached (every timeline attach would load has its ancestor loaded too).
 */
final class AncestorClosureOracle implements ModelOracle {
    public String name() {
        return OracleNames.ANCESTOR_CLOSURE;
    }

    public Violation atQuiescence(Pageserver ps) {
        Tenant t = ps.peekTenant();
        if (t.peekState() == TenantState.BROKEN && t.brokenReason() != null) return new Violation(name(), t.brokenReason());
        if (t.peekState() == TenantState.ACTIVE) {
            for (Timeline tl : t.peekTimelines().values())
                if (tl.ancestorId != null && !t.peekTimelines().containsKey(tl.ancestorId))
                    return new Violation(name(), "timeline " + tl.id + " is loaded but its ancestor " + tl.ancestorId
                            + (t.peekOffloaded().containsKey(tl.ancestorId) ? " is offloaded" : " is gone"));
            for (OffloadedTimeline o : t.peekOffloaded().values())
                if (o.ancestorId != null && !t.peekTimelines().containsKey(o.ancestorId) && !t.peekOffloaded().containsKey(o.ancestorId))
                    return new Violation(name(), "offloaded timeline " + o.id + " has no ancestor " + o.ancestorId);
        }
        var snap = ps.remote().peek();
        TreeSet<String> loadable = new TreeSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (IndexPart ip : snap.indices().values()) {
                if (ip.deleted() || snap.manifestEntries().containsKey(ip.timelineId()) || loadable.contains(ip.timelineId())) continue;
                if (ip.ancestorId() == null || loadable.contains(ip.ancestorId())) {
                    loadable.add(ip.timelineId());
                    grew = true;
                }
            }
        }
        for (IndexPart ip : snap.indices().values())
            if (!ip.deleted() && !snap.manifestEntries().containsKey(ip.timelineId()) && !loadable.contains(ip.timelineId()))
                return new Violation(name(), "attach would fail: timeline " + ip.timelineId() + " would be loaded but its ancestor " + ip.ancestorId() + " would not");
        return null;
    }
}
