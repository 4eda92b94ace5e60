package offloadsim.model.oracles;

import offloadsim.model.Pageserver;
import offloadsim.sim.explore.Violation;

/**
 * I5: no timeline is both loaded (`timelines`) and offloaded (`timelines_offloaded`) — except while
 * unoffload holds its creation guard (the id is in `timelines_creating`): the Rust inserts into
 * `timelines` and removes from `timelines_offloaded` in two critical sections.
 */
final class DisjointMapsOracle implements ModelOracle {
    public String name() {
        return OracleNames.DISJOINT_MAPS;
    }

    public Violation afterStep(Pageserver ps) {
        var t = ps.peekTenant();
        for (String id : t.peekOffloaded().keySet())
            if (t.peekTimelines().containsKey(id) && !t.peekCreating().contains(id)) return new Violation(name(), "timeline " + id + " is in both timelines and timelines_offloaded");
        return null;
    }
}
