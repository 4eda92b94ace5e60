package offloadsim.model.oracles;

import offloadsim.model.OpResult;
import offloadsim.model.Pageserver;
import offloadsim.model.tenant.Tenant;
import offloadsim.sim.explore.Violation;

/** I10: an acknowledged delete finishes: the timeline leaves both maps and remote storage. */
final class DeleteTerminatesOracle implements ModelOracle {
    public String name() {
        return OracleNames.DELETE_TERMINATES;
    }

    public Violation atQuiescence(Pageserver ps) {
        Tenant t = ps.peekTenant();
        var snap = ps.remote().peek();
        // by timeline id, not answer order: equivalent runs may answer two timelines' deletes in either order
        java.util.TreeSet<String> acknowledged = new java.util.TreeSet<>();
        for (OpResult r : ps.history().results()) if (r.ok() && r.op().equals("delete")) acknowledged.add(r.timeline());
        for (String id : acknowledged) {
            if (t.peekTimelines().containsKey(id) || t.peekOffloaded().containsKey(id))
                return new Violation(name(), "delete(" + id + ") was acknowledged but " + id + " is still in the tenant's maps");
            if (snap.exists(id))
                return new Violation(name(), "delete(" + id + ") was acknowledged but its index is still live in remote storage");
        }
        return null;
    }
}
