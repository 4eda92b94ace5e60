package offloadsim.model;

import java.util.List;
import java.util.function.BiConsumer;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.model.spec.WorldSpec;
import offloadsim.sim.api.Sim;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import offloadsim.sim.trace.Trace;

/** Helpers to run a hand-written program on the model. */
final class Runs {
    private Runs() {}

    static WorldSpec archivedLeaf() {
        return new WorldSpec(List.of(new TimelineSpec("main", null, false, false), new TimelineSpec("t1", "main", true, false)), true, 2);
    }

    /** Runs {@code body(sim, ps)} (which spawns tasks) and returns the result and the pageserver. */
    static Object[] run(Variant v, WorldSpec w, long seed, BiConsumer<Sim, Pageserver> body) {
        return run(v, w, seed, java.util.Set.of(), body);
    }

    /** @param oracles the oracles to check (OracleNames); empty = all */
    static Object[] run(Variant v, WorldSpec w, long seed, java.util.Set<String> oracles, BiConsumer<Sim, Pageserver> body) {
        Pageserver[] ps = new Pageserver[1];
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(seed);
        RunResult r = DetSim.run(sim -> {
            ps[0] = Pageserver.start(sim, v, w);
            body.accept(sim, ps[0]);
            return ps[0].oracles(oracles);
        }, rw, seed, RunOptions.defaults().withTrace(Trace.Level.FULL));
        return new Object[] {r, ps[0]};
    }
}
