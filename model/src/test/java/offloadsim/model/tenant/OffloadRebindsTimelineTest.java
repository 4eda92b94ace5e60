package offloadsim.model.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import offloadsim.model.Pageserver;
import offloadsim.model.Variant;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.model.spec.WorldSpec;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import org.junit.jupiter.api.Test;

/**
 * Audit row #12: offload_timeline re-binds `timeline` to the object DeleteTimelineFlow::prepare found in
 * the map (offload.rs:41-52@6149ac8834, 39-46@49756a0d01). Handed a stale object with the same id, every
 * design must shut down and offload the map's object, not the caller's.
 */
class OffloadRebindsTimelineTest {

    @Test
    void everyDesignOffloadsTheObjectPrepareFound() {
        WorldSpec world = new WorldSpec(List.of(new TimelineSpec("main", null, false, false), new TimelineSpec("t1", "main", true, false)), true, 0);
        for (Variant v : Variant.values()) {
            Object[] seen = new Object[4];
            RandomWalk rw = new RandomWalk();
            rw.beginExecution(1);
            RunResult r = DetSim.run(sim -> {
                Pageserver ps = Pageserver.start(sim, v, world);
                Tenant tenant = ps.peekTenant();
                Timeline inMap = tenant.timelines.get("t1");
                sim.spawn("offload", () -> {
                    Timeline stale = tenant.newTimeline("t1", inMap.ancestor, "main", true, false);
                    stale.activate();
                    seen[0] = v.offloadTimeline(tenant, stale);
                    seen[1] = inMap.peekState();
                    seen[2] = inMap.remoteClient.describe();
                    seen[3] = stale.remoteClient.describe();
                });
                return Oracles.NONE;
            }, rw, 1, RunOptions.defaults());
            assertTrue(!r.outcome().isFailure(), v + ": " + r.outcome().summary());
            assertNull(seen[0], v + ": offload answered " + seen[0]);
            assertEquals(TimelineState.STOPPING, seen[1], v + ": the map's object must be the one set Stopping");
            assertTrue(((String) seen[2]).startsWith("STOPPED_DELETABLE"), v + ": the map's object's queue must be stopped, was " + seen[2]);
            assertTrue(((String) seen[3]).startsWith("INITIALIZED"), v + ": the caller's stale object must be left alone, was " + seen[3]);
        }
    }
}
