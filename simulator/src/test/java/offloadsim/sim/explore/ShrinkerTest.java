package offloadsim.sim.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import offloadsim.sim.strategy.RandomWalk;
import offloadsim.sim.toy.Toys;
import org.junit.jupiter.api.Test;

class ShrinkerTest {

    /** The first failing runs of a random walk over a program with noise tasks (long, switch-happy schedules). */
    static Exploration failing(Program p, int keep) {
        return Explorer.explore(p, new RandomWalk(), new Explorer.Budget(1, 20_000, false, keep), RunOptions.defaults(), Explorer.Progress.NONE);
    }

    @Test
    void shrinkingKeepsTheOracleNeverGrowsAndReplaysExactly() {
        Program p = Toys.depthTwo(3, 6);
        Exploration e = failing(p, 20);
        assertTrue(e.found().size() >= 10, "the toy should fail often: " + e.found().size());
        int improved = 0;
        for (Exploration.Found f : e.found()) {
            RunResult original = Explorer.replay(p, f.run().schedule(), RunOptions.defaults());
            Shrinker.Result r = Shrinker.shrink(p, f.run().schedule(), RunOptions.defaults(), 2_000);
            assertEquals(original.outcome().oracle(), r.shrunk().outcome().oracle());
            assertTrue(r.shrunk().steps() <= original.steps(), "steps grew");
            assertTrue(r.shrunk().preemptions() <= original.preemptions(), "preemptions grew");
            assertTrue(r.shrunk().schedule().decisions().size() <= original.schedule().decisions().size(), "decisions grew");
            RunResult again = Explorer.replay(p, r.shrunk().schedule(), RunOptions.defaults());
            assertEquals(r.shrunk().trace().hash(), again.trace().hash(), "the shrunk schedule replays byte-identically");
            assertEquals(r.shrunk().outcome(), again.outcome());
            if (r.improved()) improved++;
        }
        assertTrue(improved >= e.found().size() / 2, "shrinking should help most noisy failures: " + improved + " of " + e.found().size());
    }

    @Test
    void theDepthTwoBugShrinksToItsTwoPreemptionsOrFewer() {
        Program p = Toys.depthTwo(3, 6);
        for (Exploration.Found f : failing(p, 5).found()) {
            Shrinker.Result r = Shrinker.shrink(p, f.run().schedule(), RunOptions.defaults(), 5_000);
            // a then b then a: at most one preemption of a and no noise task needs to run before the bug
            assertTrue(r.shrunk().preemptions() <= 2, "preemptions left: " + r.shrunk().preemptions() + " in " + r.shrunk().schedule().encode());
            assertTrue(r.shrunk().steps() <= r.original().steps());
        }
    }

    @Test
    void aPassingScheduleIsRefused() {
        Program p = Toys.lockedCheckThenAct();
        RunResult ok = Explorer.runSeed(p, new RandomWalk(), 1, RunOptions.defaults());
        assertThrows(IllegalArgumentException.class, () -> Shrinker.shrink(p, ok.schedule(), RunOptions.defaults(), 100));
        assertThrows(IllegalArgumentException.class, () -> Shrinker.shrink(p, ok.schedule(), RunOptions.defaults(), -1));
    }
}
