package offloadsim.scenarios.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.Dpor;
import offloadsim.sim.strategy.Exhaustive;
import offloadsim.sim.strategy.Footprint;
import offloadsim.sim.strategy.SchedulingPoint;
import offloadsim.sim.strategy.StepRecord;
import offloadsim.sim.strategy.Strategy;
import org.junit.jupiter.api.Test;

/**
 * The model keeps state outside the runtime's objects (plain fields behind locks, the history of
 * answers, findings); an access the footprints miss would make sleep sets unsound on the model even
 * though they are sound on the simulator's own programs. So on every cell whose full (unreduced,
 * unbounded) space is small enough, the reduced search must reach exactly the same final states and
 * outcomes, and see the same number of Mazurkiewicz traces.
 */
class ReductionSoundnessOnModelTest {

    record Seen(Set<String> ends, long executions, long completed, long failures, long traces) {}

    static Seen search(Scenario s, Variant v, Exhaustive.Reduction reduction) {
        return search(s, v, new Exhaustive(-1, reduction));
    }

    static Seen search(Scenario s, Variant v, Strategy ex) {
        Program p = s.program(v);
        Set<String> ends = new TreeSet<>();
        Set<Long> traces = new java.util.HashSet<>();
        long n = 0;
        long completed = 0;
        long failures = 0;
        while (ex.beginExecution(n)) {
            RunResult r = DetSim.run(p, ex, n, s.runOptions());
            n++;
            assertTrue(n <= 20_000, s.name() + " on " + v.id() + ": full space larger than this test assumes");
            if (r.outcome().kind() == Outcome.Kind.PRUNED) continue;
            completed++;
            if (r.outcome().isFailure()) failures++;
            traces.add(r.trace().mazurkiewiczHash());
            ends.add(r.outcome().kind() + " " + r.outcome().oracle() + " | " + r.finalState());
        }
        assertTrue(ex.exhausted(), ex.describe());
        return new Seen(ends, n, completed, failures, traces.size());
    }

    static final String[][] CELLS = {
            {"unarchive-during-compaction", "pre-10305"}, {"unarchive-during-compaction", "fix-10305"},
            {"unarchive-during-compaction-pinned", "pre-10305"}, {"unarchive-queued-before-arbiter", "pre-10305"},
            {"unarchive-queued-before-arbiter", "fix-10305"}, {"offload-wins-then-unarchive-retry", "fix-10305"},
            {"delete-during-offload", "pre-10305"}, {"delete-during-offload", "fix-10305"},
            {"unoffload-child-during-parent-offload", "pre-10305"}, {"unarchive-during-compaction", "alt-recheck"},
    };

    @Test
    void sleepSetsLoseNothingOnTheModel() {
        String[][] cells = CELLS;
        long full = 0;
        long reduced = 0;
        for (String[] c : cells) {
            Scenario s = ScenarioCatalog.byName(c[0]);
            Variant v = Variant.byId(c[1]);
            Seen a = search(s, v, Exhaustive.Reduction.NONE);
            Seen b = search(s, v, Exhaustive.Reduction.SLEEP_SETS);
            assertEquals(a.ends(), b.ends(), c[0] + " on " + c[1] + ": final states and outcomes");
            assertEquals(a.traces(), b.traces(), c[0] + " on " + c[1] + ": Mazurkiewicz traces");
            assertTrue(b.executions() <= a.executions(), c[0] + " on " + c[1]);
            full += a.executions();
            reduced += b.executions();
        }
        assertTrue(full > reduced, "no reduction at all: " + full + " vs " + reduced);
    }

    /**
     * Optimal DPOR on the same cells: the same final states, outcomes and traces as the unreduced search,
     * and on the cells where nothing fails exactly one execution per Mazurkiewicz trace.
     */
    @Test
    void dporLosesNothingOnTheModelAndRunsOncePerTrace() {
        int optimal = 0;
        for (String[] c : CELLS) {
            Scenario s = ScenarioCatalog.byName(c[0]);
            Variant v = Variant.byId(c[1]);
            Seen a = search(s, v, Exhaustive.Reduction.NONE);
            Dpor dpor = new Dpor(-1);
            Seen b = search(s, v, dpor);
            assertEquals(a.ends(), b.ends(), c[0] + " on " + c[1] + ": final states and outcomes");
            assertEquals(a.traces(), b.traces(), c[0] + " on " + c[1] + ": Mazurkiewicz traces");
            assertEquals(0, dpor.divergences(), c[0] + " on " + c[1] + ": " + dpor.describe());
            if (b.failures() == 0) {
                // Optimal DPOR completes each trace once; the compaction lock's unbiased select (a random draw, since
                // the compaction-upload fidelity change) costs delete-during-offload one sleep-blocked run. No trace
                // is ever completed twice; only that slack of abandoned runs is allowed, and counted.
                assertEquals(b.traces(), b.completed(), c[0] + " on " + c[1] + ": one completed execution per trace (" + dpor.describe() + ")");
                assertTrue(dpor.sleepBlocked() <= Math.max(1, b.traces() / 20), c[0] + " on " + c[1] + ": " + dpor.describe());
                if (b.executions() == b.traces()) optimal++;
            }
        }
        assertTrue(optimal >= 3, "too few fault-free cells explored exactly once per trace: " + optimal);
    }

    /**
     * Fault-free cells too large for the unreduced search here: dpor completes every one of their traces
     * exactly once, with at most a handful of sleep-blocked runs and no wake-up sequence it could not follow. attach-then-unarchive
     * is where virtual time moves (the client retries the unarchive after sleeps while the tenant activates);
     * the others join tasks that may or may not have ended yet (Tenant::shutdown's timeline shutdowns), where
     * a step moved ahead of its race touches other objects than the recorded one.
     */
    @Test
    void dporRunsOncePerTraceOnLargerFaultFreeCells() {
        String[][] cells = {
                {"attach-then-unarchive", "fix-10305", "clock"}, {"shutdown-during-offload", "fix-10305", ""},
                {"restart-mid-offload", "head", ""}, {"branch-racing-restart", "fix-10305", ""}, {"unoffload-racing-restart", "head", ""},
                {"unarchive-during-offload-drain", "fix-10305", "asleep"}, {"branch-during-offload-drain", "pre-10305", "asleep"},
        };
        for (String[] c : cells) {
            Scenario s = ScenarioCatalog.byName(c[0]);
            Variant v = Variant.byId(c[1]);
            Dpor dpor = new Dpor(-1);
            long[] resumed = {0};
            Strategy counting = new Strategy() {
                @Override public String name() { return dpor.name(); }
                @Override public boolean beginExecution(long seed) { return dpor.beginExecution(seed); }
                @Override public int pickTask(SchedulingPoint point) { return dpor.pickTask(point); }
                @Override public boolean pruneSoleRunnable(int taskId) { return dpor.pruneSoleRunnable(taskId); }
                @Override public int pickInt(int bound, String label) { return dpor.pickInt(bound, label); }
                @Override public void oracleObserved(Footprint observed) { dpor.oracleObserved(observed); }
                @Override public void endExecution(boolean violated) { dpor.endExecution(violated); }
                @Override public boolean exhausted() { return dpor.exhausted(); }
                @Override public String describe() { return dpor.describe(); }

                @Override
                public void afterStep(StepRecord step) {
                    if (step.enabledBy() == StepRecord.BY_CLOCK) resumed[0]++;
                    dpor.afterStep(step);
                }
            };
            Seen b = search(s, v, counting);
            if (c[2].equals("clock")) assertTrue(resumed[0] > 0, c[0] + " on " + c[1] + ": virtual time never resumed a step");
            assertEquals(0, b.failures(), c[0] + " on " + c[1] + " is expected to be fault-free");
            // a race's moved step counts as conflicting with every sleeper (its footprint is a guess there); where its
            // real one commutes, that run ends sleep-blocked: a few abandoned runs, never a trace twice
            assertEquals(b.traces(), b.completed(), c[0] + " on " + c[1] + ": one completed execution per trace (" + dpor.describe() + ")");
            assertTrue(dpor.sleepBlocked() <= Math.max(2, b.traces() / 20), c[0] + " on " + c[1] + ": " + dpor.describe());
            assertEquals(0, dpor.divergences(), c[0] + " on " + c[1]);
            // the drain cells reach wake-up children placed under an ancestor whose task sleeps where they would run
            if (c[2].equals("asleep")) assertTrue(dpor.asleepDropped() > 0, c[0] + " on " + c[1] + ": no sleeping wake-up child dropped");
        }
    }
}
