package offloadsim.model.oracles;

import java.util.TreeSet;
import offloadsim.model.Pageserver;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.tenant.TenantState;
import offloadsim.sim.explore.Violation;

/** I8: at quiescence, the persisted manifest (restricted to existing timelines) equals the in-memory offloaded set. */
final class ManifestConsistencyOracle implements ModelOracle {
    public String name() {
        return OracleNames.MANIFEST_CONSISTENCY;
    }

    public Violation atQuiescence(Pageserver ps) {
        Tenant t = ps.peekTenant();
        if (t.peekState() != TenantState.ACTIVE) return null;
        var snap = ps.remote().peek();
        TreeSet<String> persisted = new TreeSet<>();
        for (String id : snap.manifest()) if (snap.exists(id)) persisted.add(id);
        TreeSet<String> memory = new TreeSet<>(t.peekOffloaded().keySet());
        if (persisted.equals(memory)) return null;
        return new Violation(name(), "manifest lists offloaded " + persisted + " but memory has " + memory + " (a restart would bring back "
                + diff(memory, persisted) + " as loaded timelines and lose " + diff(persisted, memory) + ")");
    }

    private static TreeSet<String> diff(TreeSet<String> a, TreeSet<String> b) {
        TreeSet<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
