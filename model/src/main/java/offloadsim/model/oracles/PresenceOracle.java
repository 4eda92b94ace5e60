package offloadsim.model.oracles;

import offloadsim.model.Pageserver;
import offloadsim.model.remote.IndexPart;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.tenant.TenantState;
import offloadsim.sim.explore.Violation;

/** I6: with the tenant Active and nothing in flight, every existing, undeleted timeline is loaded or offloaded. */
final class PresenceOracle implements ModelOracle {
    public String name() {
        return OracleNames.PRESENCE;
    }

    public Violation atQuiescence(Pageserver ps) {
        Tenant t = ps.peekTenant();
        if (t.peekState() != TenantState.ACTIVE) return null;
        for (IndexPart ip : ps.remote().peek().indices().values()) {
            if (ip.deleted()) continue;
            String id = ip.timelineId();
            if (!t.peekTimelines().containsKey(id) && !t.peekOffloaded().containsKey(id))
                return new Violation(name(), "timeline " + id + " has an index in remote storage but is in neither timelines nor timelines_offloaded (it disappeared)");
        }
        return null;
    }
}
