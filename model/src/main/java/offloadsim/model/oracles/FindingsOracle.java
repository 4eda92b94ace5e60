package offloadsim.model.oracles;

import offloadsim.model.Pageserver;
import offloadsim.sim.explore.Violation;

/**
 * Reports what model code noticed as it happened: stopping-terminal (#10297), only-archived-offloaded
 * at insertion (I4) and arbiter (I3). One instance per oracle name.
 */
final class FindingsOracle implements ModelOracle {
    private final String name;

    FindingsOracle(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Violation afterStep(Pageserver ps) {
        for (Violation v : ps.findings().all()) if (v.oracle().equals(name)) return v;
        return null;
    }
}
