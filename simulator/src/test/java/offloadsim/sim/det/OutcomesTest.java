package offloadsim.sim.det;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import offloadsim.sim.api.Panic;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import offloadsim.sim.toy.Toys;
import offloadsim.sim.trace.Schedule;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    @Test
    void randomWalkFindsTheCheckThenActRaceAndReplayReproducesIt() {
        Exploration e = Explorer.explore(Toys.checkThenAct(), new RandomWalk(), new Explorer.Budget(1, 200, true, 1),
                RunOptions.defaults(), Explorer.Progress.NONE);
        assertEquals(1, e.found().size(), "race not found in 200 seeds");
        RunResult failing = e.found().getFirst().run();
        assertEquals(Outcome.Kind.VIOLATION, failing.outcome().kind());
        assertEquals("non-negative-balance", failing.outcome().oracle());

        Schedule parsed = Schedule.parse(failing.schedule().encode());
        RunResult replayed = Explorer.replay(Toys.checkThenAct(), parsed, RunOptions.defaults());
        assertEquals(failing.outcome(), replayed.outcome());
        assertEquals(failing.trace().hash(), replayed.trace().hash());
        assertTrue(replayed.trace().text().contains("withdraw/after-check"), replayed.trace().text());
    }

    @Test
    void lockedVersionNeverViolates() {
        Exploration e = Explorer.explore(Toys.lockedCheckThenAct(), new RandomWalk(), Explorer.Budget.seeds(1, 300),
                RunOptions.defaults(), Explorer.Progress.NONE);
        assertEquals(300, e.executions());
        assertEquals(0, e.failures());
    }

    @Test
    void lockOrderDeadlockIsReportedNotHung() {
        Exploration e = Explorer.explore(Toys.lockOrderDeadlock(), new RandomWalk(), new Explorer.Budget(1, 200, true, 1),
                RunOptions.defaults(), Explorer.Progress.NONE);
        assertEquals(1, e.found().size(), "deadlock not found");
        Outcome o = e.found().getFirst().run().outcome();
        assertEquals(Outcome.Kind.DEADLOCK, o.kind());
        assertTrue(o.message().contains("mutex A") && o.message().contains("mutex B"), o.message());
    }

    @Test
    void livelockHitsTheStepBudget() {
        Program spin = sim -> {
            sim.spawn("spinner", () -> {
                while (true) sim.yieldPoint("spin");
            });
            return Oracles.NONE;
        };
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(7);
        RunResult r = DetSim.run(spin, rw, 7, RunOptions.defaults().withMaxSteps(500));
        assertEquals(Outcome.Kind.STEP_BUDGET, r.outcome().kind());
        assertEquals("spinner", r.outcome().task());
        assertEquals(500, r.steps());
    }

    @Test
    void panicIsCapturedWithTaskAndLabel() {
        Program p = sim -> {
            sim.spawn("victim", () -> {
                sim.yieldPoint("before/boom");
                throw new Panic("Timeline grew children while we removed layer files");
            });
            return Oracles.NONE;
        };
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(1);
        RunResult r = DetSim.run(p, rw, 1, RunOptions.defaults());
        assertEquals(Outcome.Kind.PANIC, r.outcome().kind());
        assertEquals("panic", r.outcome().oracle());
        assertEquals("victim", r.outcome().task());
        assertEquals("before/boom", r.outcome().label());
        assertEquals("Timeline grew children while we removed layer files", r.outcome().message());
    }

    @Test
    void modelBugsAreReportedAsExceptions() {
        Program p = sim -> {
            sim.spawn("buggy", () -> {
                Object o = null;
                o.hashCode();
            });
            return Oracles.NONE;
        };
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(1);
        RunResult r = DetSim.run(p, rw, 1, RunOptions.defaults());
        assertEquals(Outcome.Kind.PANIC, r.outcome().kind());
        assertEquals("exception", r.outcome().oracle());
        assertTrue(r.outcome().message().startsWith("java.lang.NullPointerException"), r.outcome().message());
    }

    @Test
    void holdingASyncMutexAcrossAYieldIsAModelBug() {
        Program p = sim -> {
            var m = sim.mutex("timelines", false);
            sim.spawn("holder", () -> {
                try (var g = m.lock()) {
                    sim.yieldPoint("await-under-std-mutex");
                }
            });
            return Oracles.NONE;
        };
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(1);
        RunResult r = DetSim.run(p, rw, 1, RunOptions.defaults());
        assertEquals(Outcome.Kind.PANIC, r.outcome().kind());
        assertTrue(r.outcome().message().contains("while holding a synchronous mutex"), r.outcome().message());
    }

    @Test
    void setupFailureIsAnOutcome() {
        Program p = sim -> {
            throw new IllegalArgumentException("unknown timeline t9");
        };
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(1);
        RunResult r = DetSim.run(p, rw, 1, RunOptions.defaults());
        assertEquals(Outcome.Kind.PANIC, r.outcome().kind());
        assertEquals("setup", r.outcome().oracle());
    }
}
