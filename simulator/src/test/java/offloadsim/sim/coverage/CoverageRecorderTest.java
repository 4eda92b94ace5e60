package offloadsim.sim.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.strategy.Replay;
import offloadsim.sim.strategy.RandomWalk;
import offloadsim.sim.trace.Schedule;
import org.junit.jupiter.api.Test;

class CoverageRecorderTest {

    /** Task a: yield a1, failpoint fp, yield a2; task b: yield b1. Task ids: a = 0, b = 1. */
    private static final Program TWO_TASKS = sim -> {
        sim.spawn("a", () -> {
            sim.yieldPoint("a1");
            sim.failpoint("fp");
            sim.yieldPoint("a2");
        });
        sim.spawn("b", () -> sim.yieldPoint("b1"));
        return Oracles.NONE;
    };

    private static Exploration replay(Program p, int... picks) {
        List<Schedule.Decision> ds = new ArrayList<>();
        for (int t : picks) ds.add(new Schedule.TaskPick(t));
        return Explorer.explore(p, new Replay(new Schedule(1, ds)), Explorer.Budget.seeds(1, 1), RunOptions.defaults(), Explorer.Progress.NONE);
    }

    private static Coverage.Switch sw(String from, String to) {
        return new Coverage.Switch(from, to);
    }

    @Test
    void aHandBuiltRunReportsExactlyItsSuspensionsFailpointsAndSwitches() {
        // a runs to a1; b starts (its first step is from spawn: no switch) and stops at b1; a resumes from a1
        // while b stands at b1, passes fp and stops at a2; b resumes from b1 while a stands at a2 and ends; a ends
        Coverage c = replay(TWO_TASKS, 0, 1, 0, 1).coverage();
        assertEquals(Map.of("a1", 1L, "a2", 1L, "b1", 1L, "failpoint fp", 1L), c.points());
        assertEquals(Set.of(sw("b1", "a1"), sw("a2", "b1")), c.switches());
    }

    @Test
    void aTaskThatEndedMakesNoSwitchAndRunningOnIsNoSwitch() {
        // a runs to its end without being switched away from (a1, a2 are still suspensions), then b runs alone
        Coverage c = replay(TWO_TASKS, 0, 0, 0).coverage();
        assertEquals(Map.of("a1", 1L, "a2", 1L, "b1", 1L, "failpoint fp", 1L), c.points());
        assertEquals(Set.of(), c.switches());
    }

    @Test
    void aBlockedWaitIsAPointAndSwitchesAwayFromIt() {
        Program p = sim -> {
            var m = sim.mutex("m", true);
            sim.spawn("holder", () -> {
                try (var g = m.lock()) {
                    sim.yieldPoint("holding");
                }
            });
            sim.spawn("waiter", () -> {
                try (var g = m.lock()) {
                    sim.yieldPoint("got it");
                }
            });
            return Oracles.NONE;
        };
        // holder takes m and stops at holding; waiter blocks at "lock m" (a switch from holding is recorded only
        // when a task resumes from a point: waiter starts from spawn); holder resumes from holding while waiter
        // stands at "lock m", releases, ends; waiter resumes from "lock m", stops at got it, ends
        Coverage c = replay(p, 0, 1).coverage();
        assertEquals(Map.of("holding", 1L, "lock m", 1L, "got it", 1L), c.points());
        assertEquals(Set.of(sw("lock m", "holding")), c.switches());
    }

    @Test
    void manyLabelsGrowTheTablesWithoutLosingASwitch() {
        int n = 150; // past the initial capacity of 64 labels twice
        Program p = sim -> {
            sim.spawn("x", () -> {
                for (int i = 0; i < n; i++) sim.yieldPoint("x" + i);
            });
            sim.spawn("y", () -> {
                for (int i = 0; i < n; i++) sim.yieldPoint("y" + i);
            });
            return Oracles.NONE;
        };
        // alternate x, y, x, y...: every step after the first two switches from the other task's point
        int[] picks = new int[2 * n + 2];
        for (int i = 0; i < picks.length; i++) picks[i] = i % 2;
        Coverage c = replay(p, picks).coverage();
        TreeSet<Coverage.Switch> expected = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            expected.add(sw("y" + i, "x" + i)); // x resumes from x_i while y stands at y_i
            if (i + 1 < n) expected.add(sw("x" + (i + 1), "y" + i));
        }
        assertEquals(2 * n, c.points().size());
        assertEquals(expected, c.switches());
    }

    @Test
    void sameSeedsGiveTheSameCoverageAndUnionAddsHits() {
        Explorer.Budget b = Explorer.Budget.seeds(1, 200);
        Coverage one = Explorer.explore(TWO_TASKS, new RandomWalk(), b, RunOptions.defaults(), Explorer.Progress.NONE).coverage();
        Coverage two = Explorer.explore(TWO_TASKS, new RandomWalk(), b, RunOptions.defaults(), Explorer.Progress.NONE).coverage();
        assertEquals(one, two);
        assertEquals(200L, one.points().get("a1"));
        Coverage both = one.union(two);
        assertEquals(400L, both.points().get("failpoint fp"));
        assertEquals(one.switches(), both.switches());
        assertEquals(new TreeMap<>(one.points()).keySet(), both.points().keySet());
    }

    @Test
    void addingRecordersSumsHitsAndUnitesSwitchesWhateverOrderTheyInternedLabelsIn() {
        CoverageRecorder x = new CoverageRecorder();
        x.beginExecution();
        x.suspended(0, "p");
        x.suspended(1, "q");
        x.switched(0, 1);
        CoverageRecorder y = new CoverageRecorder();
        y.beginExecution();
        for (int i = 0; i < 100; i++) y.failpoint("f" + i); // y outgrows its first capacity, x has not
        y.suspended(0, "q");
        y.suspended(1, "p");
        y.switched(0, 1);
        y.switched(1, 0);
        CoverageRecorder sum = new CoverageRecorder();
        sum.add(x);
        sum.add(y);
        Coverage c = sum.coverage();
        assertEquals(2L, c.points().get("p"));
        assertEquals(2L, c.points().get("q"));
        assertEquals(1L, c.points().get("f99"));
        assertEquals(Set.of(sw("p", "q"), sw("q", "p")), c.switches());
        assertEquals(x.coverage().union(y.coverage()), c, "the same as the union of the two coverages");
    }
}
