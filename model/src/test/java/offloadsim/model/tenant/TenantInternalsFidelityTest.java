package offloadsim.model.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import offloadsim.model.Findings;
import offloadsim.model.Variant;
import offloadsim.model.remote.IndexPart;
import offloadsim.model.remote.RemoteStorage;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.model.spec.WorldSpec;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import offloadsim.sim.trace.Trace;
import org.junit.jupiter.api.Test;

/** store_tenant_manifest's cancellation (#16) and activation's locks (#14), at the tenant's own level. */
class TenantInternalsFidelityTest {

    static final WorldSpec WORLD = new WorldSpec(List.of(new TimelineSpec("main", null, false, false),
            new TimelineSpec("t1", "main", true, true)), true, 2);

    private static RunResult run(offloadsim.sim.explore.Program p) {
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(1);
        return DetSim.run(p, rw, 1, RunOptions.defaults().withTrace(Trace.Level.FULL));
    }

    /** The wait for tenant_manifest_upload races the tenant's cancellation: cancelled while waiting, the store answers Cancelled and uploads nothing. */
    @Test
    void storeTenantManifestGivesUpWhenCancelledWhileWaitingForTheLock() {
        List<String> got = new ArrayList<>();
        RunResult r = run(sim -> {
            RemoteStorage remote = new RemoteStorage(sim);
            for (TimelineSpec t : WORLD.timelines()) remote.seed(new IndexPart(t.id(), t.ancestor(), t.archived(), false), t.offloaded());
            Tenant t = Tenant.attach(sim, Variant.FIX_10305, remote, new Findings(sim), WORLD, 1, true);
            sim.spawn("holder", () -> {
                try (var g = t.manifestLock.lock()) {
                    for (int i = 0; i < 5; i++) sim.yieldPoint("holder/hold");
                    t.cancel.cancel();
                }
            });
            sim.spawn("storer", () -> {
                while (t.manifestLock.owner() == null) sim.yieldPoint("storer/wait for the holder");
                got.add(String.valueOf(TenantManifest.storeOnce(t)));
            });
            return Oracles.NONE;
        });
        assertEquals(Outcome.Kind.OK, r.outcome().kind(), r.outcome().summary());
        assertEquals(List.of("Cancelled"), got);
        assertTrue(!r.trace().text().contains("manifest: g1 uploaded"), r.trace().text());
    }

    /** Tenant::activate holds timelines and timelines_offloaded while it activates the timelines and sets the tenant Active. */
    @Test
    void activationHoldsTheMapsLocks() {
        RunResult r = run(sim -> {
            RemoteStorage remote = new RemoteStorage(sim);
            for (TimelineSpec t : WORLD.timelines()) remote.seed(new IndexPart(t.id(), t.ancestor(), t.archived(), false), t.offloaded());
            sim.spawn("attach", () -> TenantOps.attach(TenantOps.spawn(sim, Variant.FIX_10305, remote, new Findings(sim), WORLD, 2)));
            return Oracles.NONE;
        });
        String trace = r.trace().text();
        int lockLo = trace.lastIndexOf("lock: timelines_offloaded g2", trace.indexOf("tenant g2: Activating -> Active"));
        int active = trace.indexOf("tenant g2: Activating -> Active");
        int mainActive = trace.indexOf("timeline main: Loading -> Active", trace.indexOf("Attaching -> Activating"));
        int unlockLo = trace.indexOf("unlock: timelines_offloaded g2", active);
        int unlockLt = trace.indexOf("unlock: timelines g2", active);
        assertTrue(lockLo >= 0 && lockLo < mainActive && mainActive < active && active < unlockLo && active < unlockLt, trace);
    }
}
