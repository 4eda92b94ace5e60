package offloadsim.sim.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import offloadsim.sim.api.Failpoints;
import offloadsim.sim.api.SimLatch;
import offloadsim.sim.api.SimNotify;
import offloadsim.sim.api.SimVar;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Program;
import org.junit.jupiter.api.Test;

/**
 * The independences the runtime's footprints claim for operations that change nothing or commute, on
 * programs small enough to count their Mazurkiewicz traces by hand: the unreduced search sees exactly
 * that many distinct trace hashes, and optimal DPOR completes exactly one execution per trace with the
 * same final states. Under the coarser footprints (every open, notify and reach a write) the same
 * programs had n! traces where these have n or one.
 */
class StateDependentFootprintsTest {

    /** Unreduced and DPOR searches of {@code p}: equal ends, {@code traces} traces each, DPOR once per trace. */
    private static void assertTraces(Program p, int traces) {
        DporSoundnessTest.Seen full = DporSoundnessTest.search(p, new Exhaustive(-1), 100_000);
        assertNotNull(full);
        Dpor dpor = new Dpor(-1);
        DporSoundnessTest.Seen reduced = DporSoundnessTest.search(p, dpor, 100_000);
        assertNotNull(reduced);
        DporSoundnessTest.assertSame(full.ends(), reduced.ends(), "final states and outcomes");
        assertEquals(traces, full.traces(), "traces of the unreduced search (" + full.executions() + " executions)");
        assertEquals(traces, reduced.traces(), "traces dpor saw");
        assertEquals(traces, reduced.completed(), "dpor completes one execution per trace: " + dpor.describe());
        assertEquals(0, reduced.pruned());
        assertTrue(full.executions() >= reduced.executions());
    }

    /** Three tasks open one latch, then write their own variable: only who opened first tells traces apart. */
    @Test
    void opensOfAnOpenLatchCommute() {
        assertTraces(sim -> {
            SimLatch latch = sim.latch("latch");
            for (int i = 0; i < 3; i++) {
                SimVar<Integer> mine = sim.var("v" + i, 0);
                sim.spawn("opener" + i, () -> {
                    latch.open();
                    sim.yieldPoint("opened");
                    mine.set(1);
                });
            }
            return finalLatch(latch);
        }, 3);
    }

    /** Three notifies with nobody waiting store one permit: the first stores it, the others find it stored. */
    @Test
    void notifiesOfAStoredPermitCommute() {
        assertTraces(sim -> {
            SimNotify n = sim.notify("n");
            for (int i = 0; i < 3; i++) sim.spawn("notifier" + i, n::notifyOne);
            return Oracles.NONE;
        }, 3);
    }

    /**
     * Three tasks reach a failpoint that does nothing: each reads its configuration and bumps its hit
     * counter, and the bumps commute, so the whole program is one trace; a fourth task that reads the count
     * sees 0 to 3 of the reaches before it, in any combination: 2^3 traces.
     */
    @Test
    void hitsOfAFailpointCommuteUntilSomebodyReadsTheCount() {
        assertTraces(reaches(false), 1);
        assertTraces(reaches(true), 8);
    }

    private static Program reaches(boolean withReader) {
        return sim -> {
            for (int i = 0; i < 3; i++) sim.spawn("reacher" + i, () -> sim.failpoint("fp"));
            int[] seen = {-1};
            if (withReader) sim.spawn("reader", () -> seen[0] = sim.failpoints().hits("fp"));
            return new Oracles() {
                @Override
                public String finalState() {
                    return "hits=" + sim.failpoints().hits("fp") + " reader saw " + seen[0];
                }
            };
        };
    }

    /**
     * Three tasks reach a paused failpoint and a driver waits until one is paused, then releases them; each
     * reacher, once resumed, writes its own variable. The first reach opens the point's {@code paused}
     * latch (3 choices), the later ones find it open and commute with each other and with the driver's
     * wait; the driver's wait either blocks before that first reach or finds the latch open (2), and its
     * release reaches every reacher paused by then, the others pass the point after it (each of the two
     * later reachers before or after the release: 4). 3 * 2 * 4 = 24 traces.
     */
    @Test
    void reachesOfAPausedFailpointCommuteAfterTheFirst() {
        assertTraces(sim -> {
            sim.failpoints().configure("fp", Failpoints.Mode.PAUSE);
            for (int i = 0; i < 3; i++) {
                SimVar<Integer> mine = sim.var("v" + i, 0);
                sim.spawn("reacher" + i, () -> {
                    sim.failpoint("fp");
                    mine.set(1);
                });
            }
            sim.spawn("driver", () -> {
                sim.failpoints().awaitPaused("fp", "await paused");
                sim.failpoints().release("fp");
            });
            return Oracles.NONE;
        }, 24);
    }

    private static Oracles finalLatch(SimLatch latch) {
        return new Oracles() {
            @Override
            public String finalState() {
                return "open=" + latch.isOpen();
            }
        };
    }

    /**
     * Three tasks each take their own entry out of a shared set ({@code SimVar.commute}): the removals commute,
     * so the program is one trace; a fourth task that reads the set sees any subset of them gone: 2^3 traces.
     */
    @Test
    void commutingRemovalsAreOneTraceUntilSomebodyReadsTheSet() {
        assertTraces(removals(false), 1);
        assertTraces(removals(true), 8);
    }

    private static Program removals(boolean withReader) {
        return sim -> {
            SimVar<java.util.List<Integer>> set = sim.var("set", java.util.List.of(0, 1, 2));
            for (int i = 0; i < 3; i++) {
                int mine = i;
                sim.spawn("remover" + i, () -> set.commute(l -> l.stream().filter(x -> x != mine).toList()));
            }
            int[] seen = {-1};
            if (withReader) sim.spawn("reader", () -> seen[0] = set.get().size());
            return Oracles.NONE;
        };
    }
}
