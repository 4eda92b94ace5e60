package offloadsim.model.oracles;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import offloadsim.model.Pageserver;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Violation;

/** The run's oracles: the enabled subset of every model oracle, checked in a fixed order. */
public final class ModelOracles implements Oracles {
    private final Pageserver ps;
    private final List<ModelOracle> active = new ArrayList<>();

    public ModelOracles(Pageserver ps, Set<String> enabled) {
        this.ps = ps;
        List<ModelOracle> all = List.of(new DisjointMapsOracle(), new FindingsOracle(OracleNames.STOPPING_TERMINAL),
                new FindingsOracle(OracleNames.ONLY_ARCHIVED_OFFLOADED), new FindingsOracle(OracleNames.ARBITER),
                new StuckStoppingOracle(), new EndpointStartOracle(), new OffloadedAfterUnarchiveOracle(),
                new AncestorClosureOracle(), new ManifestConsistencyOracle(), new PresenceOracle(), new DeleteTerminatesOracle());
        for (ModelOracle o : all) if (enabled.isEmpty() || enabled.contains(o.name())) active.add(o);
    }

    @Override
    public Violation afterStep() {
        if (ps.findings().size() == 0 && ps.peekTenant().peekOffloaded().isEmpty()) return null;
        for (ModelOracle o : active) {
            Violation v = o.afterStep(ps);
            if (v != null) return v;
        }
        return null;
    }

    @Override
    public Violation atQuiescence() {
        for (ModelOracle o : active) {
            Violation v = o.atQuiescence(ps);
            if (v != null) return v;
        }
        return null;
    }

    @Override
    public String finalState() {
        return ps.describeState();
    }
}
