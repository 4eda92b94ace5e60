package offloadsim.sim.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.toy.RandomPrograms;
import offloadsim.sim.toy.Toys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An independence mistake is a soundness bug: the reduced search must reach exactly the states, final
 * states and failures of the unreduced one, on many small random programs over every primitive, with
 * and without a preemption bound. And sleep sets alone explore each Mazurkiewicz trace at most once to
 * completion, so the reduced search's completed executions must equal the number of distinct traces.
 */
class SleepSetSoundnessTest {

    /** What a complete search saw: states after every step, final states with outcomes, and counts. */
    record Seen(Set<String> states, Set<String> ends, long executions, long completed, int traces, long failures) {}

    static Seen search(long programSeed, int tasks, int ops, int bound, Exhaustive.Reduction reduction) {
        return search(programSeed, tasks, ops, bound, reduction, RandomPrograms.Mix.ALL);
    }

    static Seen search(long programSeed, int tasks, int ops, int bound, Exhaustive.Reduction reduction, RandomPrograms.Mix alphabet) {
        Set<String> states = new HashSet<>();
        Set<String> ends = new HashSet<>();
        Set<Long> traces = new HashSet<>();
        Program p = RandomPrograms.generate(programSeed, tasks, ops, states, RandomPrograms.Watch.STATES, alphabet);
        Exhaustive ex = new Exhaustive(bound, reduction);
        long executions = 0;
        long completed = 0;
        long failures = 0;
        while (ex.beginExecution(executions)) {
            RunResult r = DetSim.run(p, ex, executions, RunOptions.defaults());
            executions++;
            assertTrue(executions < 400_000, "runaway search on program " + programSeed);
            if (r.outcome().kind() == Outcome.Kind.PRUNED) continue;
            completed++;
            if (r.outcome().isFailure()) failures++;
            traces.add(r.trace().mazurkiewiczHash());
            ends.add(r.finalState() + " " + r.outcome().kind() + " " + r.outcome().oracle());
        }
        return new Seen(states, ends, executions, completed, traces.size(), failures);
    }

    /** Equal sets, reported as what one side has that the other lacks (the sets run to hundreds). */
    static void assertSame(Set<String> full, Set<String> reduced, String what) {
        Set<String> missed = new TreeSet<>(full);
        missed.removeAll(reduced);
        Set<String> extra = new TreeSet<>(reduced);
        extra.removeAll(full);
        assertTrue(missed.isEmpty() && extra.isEmpty(), what + ": reduction missed " + missed.stream().limit(3).toList()
                + (missed.size() > 3 ? " and " + (missed.size() - 3) + " more" : "") + ", reached beyond the full search " + extra.stream().limit(3).toList());
    }

    @Test
    void sleepSetsReachTheSameStatesAsTheFullSearchOnRandomPrograms() {
        long full = 0;
        long reduced = 0;
        int cleanPrograms = 0;
        for (long seed = 1; seed <= 120; seed++) {
            int tasks = 2 + (int) (seed % 2);
            int ops = tasks == 2 ? 3 : 2;
            Seen a = search(seed, tasks, ops, -1, Exhaustive.Reduction.NONE);
            Seen b = search(seed, tasks, ops, -1, Exhaustive.Reduction.SLEEP_SETS);
            assertSame(a.states(), b.states(), "states reached, program " + seed);
            assertSame(a.ends(), b.ends(), "final states and outcomes, program " + seed);
            assertEquals(a.traces(), b.traces(), "distinct Mazurkiewicz traces, program " + seed);
            // a failing run stops early, which keeps its subtree from vouching for others (see Exhaustive)
            if (b.failures() == 0) assertEquals(b.traces(), b.completed(), "sleep sets complete each trace once, program " + seed);
            else assertTrue(b.completed() >= b.traces());
            if (b.failures() == 0) cleanPrograms++;
            assertTrue(b.executions() <= a.executions(), "the reduction never explores more, program " + seed);
            full += a.executions();
            reduced += b.executions();
        }
        assertTrue(full > 2 * reduced, "sleep sets should at least halve these searches: " + full + " vs " + reduced);
        assertTrue(cleanPrograms >= 20, "too few programs without failures to check trace counting: " + cleanPrograms);
    }

    /**
     * Operations that claim independences the plain reads and writes do not: every state the full search
     * passes through, hit counts included, must still be reached. IDEMPOTENT: the operations whose footprint
     * depends on what they find (an open of an open latch, a notify with a permit stored, a refused try_lock,
     * a cancel of a cancelled token, reaches of a paused failpoint and its hit counter). COMMUTES: commuting
     * changes of a shared variable ({@code SimVar.commute}, the pattern of the model's task_mgr and history
     * cells), independent of each other but not of reads, writes and read-modify-writes.
     */
    @ParameterizedTest
    @EnumSource(value = RandomPrograms.Mix.class, names = {"IDEMPOTENT", "COMMUTES"})
    void sleepSetsLoseNothingOnOperationsThatClaimMoreIndependence(RandomPrograms.Mix mix) {
        long full = 0;
        long reduced = 0;
        for (long seed = 1; seed <= 120; seed++) {
            int tasks = 2 + (int) (seed % 2);
            int ops = tasks == 2 ? 3 : 2;
            Seen a = search(seed, tasks, ops, -1, Exhaustive.Reduction.NONE, mix);
            Seen b = search(seed, tasks, ops, -1, Exhaustive.Reduction.SLEEP_SETS, mix);
            assertSame(a.states(), b.states(), "states reached, program " + seed);
            assertSame(a.ends(), b.ends(), "final states and outcomes, program " + seed);
            assertEquals(a.traces(), b.traces(), "distinct Mazurkiewicz traces, program " + seed);
            if (b.failures() == 0) assertEquals(b.traces(), b.completed(), "sleep sets complete each trace once, program " + seed);
            full += a.executions();
            reduced += b.executions();
        }
        assertTrue(full > 2 * reduced, "sleep sets should at least halve these searches: " + full + " vs " + reduced);
    }

    @Test
    void sleepSetsUnderAPreemptionBoundLoseNothingTheBoundedSearchReaches() {
        for (int bound = 0; bound <= 2; bound++) {
            for (long seed = 200; seed <= 280; seed++) {
                Seen a = search(seed, 3, 3, bound, Exhaustive.Reduction.NONE);
                Seen b = search(seed, 3, 3, bound, Exhaustive.Reduction.SLEEP_SETS);
                assertSame(a.states(), b.states(), "states reached, bound " + bound + ", program " + seed);
                assertSame(a.ends(), b.ends(), "final states, bound " + bound + ", program " + seed);
                assertTrue(b.executions() <= a.executions(), "bound " + bound + ", program " + seed);
            }
        }
    }

    @Test
    void reducedSearchCompletesOneExecutionPerTraceOnTheYielders() {
        // three tasks bumping one counter: only the task ends commute, so the reduction is modest
        Exploration full = Explorer.explore(Toys.yielders(3, 2), new Exhaustive(-1), Explorer.Budget.seeds(1, 100_000), RunOptions.defaults(), Explorer.Progress.NONE);
        Exploration reduced = Explorer.explore(Toys.yielders(3, 2), new Exhaustive(-1, Exhaustive.Reduction.SLEEP_SETS), Explorer.Budget.seeds(1, 100_000), RunOptions.defaults(), Explorer.Progress.NONE);
        assertTrue(full.complete() && reduced.complete());
        assertEquals(full.distinctFinalStates(), reduced.distinctFinalStates());
        assertTrue(reduced.executions() < full.executions(), reduced.executions() + " vs " + full.executions());
        assertEquals(full.distinctTraces(), reduced.executions() - reduced.pruned());
    }

    @Test
    void theRaceIsStillFoundUnderReduction() {
        Exploration race = Explorer.explore(Toys.checkThenAct(), new Exhaustive(-1, Exhaustive.Reduction.SLEEP_SETS), Explorer.Budget.seeds(1, 10_000), RunOptions.defaults(), Explorer.Progress.NONE);
        assertTrue(race.complete());
        assertTrue(race.failuresByOracle().containsKey("non-negative-balance"));
        Exploration dl = Explorer.explore(Toys.lockOrderDeadlock(), new Exhaustive(-1, Exhaustive.Reduction.SLEEP_SETS), Explorer.Budget.seeds(1, 10_000), RunOptions.defaults(), Explorer.Progress.NONE);
        assertTrue(dl.failuresByOracle().containsKey("deadlock"));
    }
}
