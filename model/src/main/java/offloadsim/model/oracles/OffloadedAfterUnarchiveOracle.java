package offloadsim.model.oracles;

import offloadsim.model.Pageserver;
import offloadsim.sim.explore.Violation;

/** I4 at quiescence: a timeline whose acknowledged unarchive is the user's last word is not offloaded. */
final class OffloadedAfterUnarchiveOracle implements ModelOracle {
    public String name() {
        return OracleNames.ONLY_ARCHIVED_OFFLOADED;
    }

    public Violation atQuiescence(Pageserver ps) {
        for (String id : ps.peekTenant().peekOffloaded().keySet())
            if (ArchivalIntent.unarchiveAcknowledgedLast(ps, id))
                return new Violation(name(), "timeline " + id + " is offloaded although unarchive(" + id + ") was acknowledged last");
        return null;
    }
}
