package offloadsim.sim.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.toy.Toys;
import org.junit.jupiter.api.Test;

class StrategiesTest {

    static Exploration explore(Program p, Strategy s, long budget) {
        return Explorer.explore(p, s, new Explorer.Budget(1, budget, false, 1), RunOptions.defaults(), Explorer.Progress.NONE);
    }

    /** Final states and failing oracles that many random runs reach. */
    static Set<String> sampled(Program p, int seeds) {
        Set<String> out = new HashSet<>();
        for (long s = 1; s <= seeds; s++) {
            RandomWalk rw = new RandomWalk();
            rw.beginExecution(s);
            RunResult r = DetSim.run(p, rw, s, RunOptions.defaults());
            out.add(r.finalState() + "|" + r.outcome().oracle());
        }
        return out;
    }

    static Set<String> exhaustive(Program p, int bound) {
        Set<String> out = new HashSet<>();
        Exhaustive ex = new Exhaustive(bound);
        long n = 0;
        while (ex.beginExecution(n++)) {
            RunResult r = DetSim.run(p, ex, n, RunOptions.defaults());
            out.add(r.finalState() + "|" + r.outcome().oracle());
            assertTrue(n < 100_000, "runaway search");
        }
        assertTrue(ex.exhausted());
        return out;
    }

    @Test
    void unboundedExhaustiveReachesEverythingRandomSamplingReaches() {
        for (Program p : new Program[] {Toys.checkThenAct(), Toys.lockedCheckThenAct(), Toys.lockOrderDeadlock(), Toys.yielders(2, 2), Toys.depthTwo(1, 2)}) {
            Set<String> all = exhaustive(p, -1);
            Set<String> seen = sampled(p, 3000);
            assertTrue(all.containsAll(seen), "exhaustive missed " + seen.stream().filter(x -> !all.contains(x)).toList());
        }
    }

    @Test
    void exhaustiveFindsTheRaceAndTheDeadlockAndSaysComplete() {
        Exploration race = explore(Toys.checkThenAct(), new Exhaustive(-1), 10_000);
        assertTrue(race.complete());
        assertTrue(race.failuresByOracle().containsKey("non-negative-balance"));
        Exploration locked = explore(Toys.lockedCheckThenAct(), new Exhaustive(-1), 10_000);
        assertTrue(locked.complete());
        assertEquals(0, locked.failures());
        Exploration dl = explore(Toys.lockOrderDeadlock(), new Exhaustive(-1), 10_000);
        assertTrue(dl.failuresByOracle().containsKey("deadlock"));
    }

    @Test
    void aPreemptionBoundShrinksTheSpaceAndABudgetLeavesItIncomplete() {
        Exploration zero = explore(Toys.yielders(3, 2), new Exhaustive(0), 100_000);
        Exploration two = explore(Toys.yielders(3, 2), new Exhaustive(2), 100_000);
        Exploration all = explore(Toys.yielders(3, 2), new Exhaustive(-1), 100_000);
        assertTrue(zero.complete() && two.complete() && all.complete());
        assertTrue(zero.executions() < two.executions() && two.executions() < all.executions(),
                zero.executions() + " < " + two.executions() + " < " + all.executions());
        assertEquals(all.executions(), all.distinctInterleavings(), "every execution of the unbounded search is a different interleaving");
        assertFalse(explore(Toys.yielders(3, 2), new Exhaustive(-1), 10).complete());
    }

    @Test
    void pctFindsTheDepthTwoBugAtLeastAsOftenAsItsBound() {
        int n = 5;
        Pct pct = new Pct(2);
        Exploration e = explore(Toys.depthTwo(3, 5), pct, 2000);
        int k = Integer.parseInt(pct.describe().replaceAll(".*k=", ""));
        double rate = e.failures() / (double) e.executions();
        double bound = 1.0 / (n * k);
        assertTrue(rate >= bound, "hit rate " + rate + " below PCT's bound 1/(n*k) = " + bound);
        assertTrue(explore(Toys.checkThenAct(), new Pct(2), 500).failures() > 0);
    }

    @Test
    void sameSeedSameDecisions() {
        for (long s = 1; s <= 20; s++) {
            Pct a = new Pct(3);
            Pct b = new Pct(3);
            assertEquals(Explorer.runSeed(Toys.yielders(3, 3), a, s, RunOptions.defaults()).schedule(),
                    Explorer.runSeed(Toys.yielders(3, 3), b, s, RunOptions.defaults()).schedule());
        }
    }
}
