package offloadsim.sim.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.toy.Toys;
import org.junit.jupiter.api.Test;

/** Every strategy ends a livelocked or runaway execution with a reported outcome instead of hanging. */
class RunBudgetTest {

    static final List<Supplier<Strategy>> ALL = List.of(RandomWalk::new, UniformRandomWalk::new, () -> new Pct(3), Pos::new,
            () -> new Exhaustive(-1, Exhaustive.Reduction.SLEEP_SETS), () -> new Dpor(-1));

    @Test
    void aLivelockEndsAtTheStepBudgetUnderEveryStrategy() {
        for (Supplier<Strategy> make : ALL) {
            Strategy s = make.get();
            Exploration e = Explorer.explore(Toys.livelock(), s, Explorer.Budget.seeds(1, 40), RunOptions.defaults().withMaxSteps(300), Explorer.Progress.NONE);
            assertTrue(e.failuresByOracle().containsKey("step-budget"), s.name() + ": " + e.failuresByOracle());
            assertTrue(e.found().getFirst().run().outcome().message().contains("300 steps"), s.name());
        }
    }

    @Test
    void pctWhoseTopTaskSpinsStillEnds() {
        // PCT keeps running the highest-priority task: a spinning one would never yield the processor to the other
        Exploration e = Explorer.explore(Toys.spinWait(), new Pct(1), Explorer.Budget.seeds(1, 20), RunOptions.defaults().withMaxSteps(200), Explorer.Progress.NONE);
        assertEquals(20, e.executions());
        assertTrue(e.failuresByOracle().getOrDefault("step-budget", 0) > 0, "" + e.failuresByOracle());
        assertTrue(e.failures() < 20, "some runs rank the setter first and finish: " + e.failuresByOracle());
    }

    @Test
    void aRunOverItsWallTimeBudgetEndsWithTimeBudget() {
        for (Supplier<Strategy> make : ALL) {
            Strategy s = make.get();
            long start = System.nanoTime();
            Exploration e = Explorer.explore(Toys.slowSteps(5), s, Explorer.Budget.seeds(1, 2), RunOptions.defaults().withMaxMillis(100), Explorer.Progress.NONE);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(e.failuresByOracle().containsKey("time-budget"), s.name() + ": " + e.failuresByOracle());
            assertTrue(ms < 5_000, s.name() + " took " + ms + " ms for two runs of a 100 ms budget");
        }
    }

    @Test
    void posFindsTheRacesAndIsDeterministicPerSeed() {
        Exploration race = Explorer.explore(Toys.checkThenAct(), new Pos(), new Explorer.Budget(1, 500, true, 1), RunOptions.defaults(), Explorer.Progress.NONE);
        assertTrue(race.failures() > 0, "POS missed the check-then-act race in 500 runs");
        Exploration deep = Explorer.explore(Toys.depthTwo(3, 4), new Pos(), new Explorer.Budget(1, 5_000, true, 1), RunOptions.defaults(), Explorer.Progress.NONE);
        assertTrue(deep.failures() > 0, "POS missed the depth-2 ordering bug among noise in 5000 runs");
        Exploration a = Explorer.explore(Toys.depthTwo(3, 4), new Pos(), Explorer.Budget.seeds(7, 300), RunOptions.defaults(), Explorer.Progress.NONE);
        Exploration b = Explorer.explore(Toys.depthTwo(3, 4), new Pos(), Explorer.Budget.seeds(7, 300), RunOptions.defaults(), Explorer.Progress.NONE);
        assertEquals(a.failures(), b.failures());
        assertEquals(a.distinctInterleavings(), b.distinctInterleavings());
        assertEquals(a.firstFailureAt(), b.firstFailureAt());
    }
}
