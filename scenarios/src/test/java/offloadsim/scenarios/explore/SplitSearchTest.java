package offloadsim.scenarios.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import org.junit.jupiter.api.Test;

/** A search split over threads answers as one sequential search over the same prefixes would. */
class SplitSearchTest {

    private static final Scenario SCENARIO = ScenarioCatalog.byName("shutdown-during-offload");
    private static final StrategySpec DPOR = StrategySpec.of("dpor", 1, -1, true);

    private static Exploration all(int jobs, long budget, boolean stopAtFirst) {
        return SplitSearch.all(SCENARIO.program(Variant.FIX_10305), SCENARIO.runOptions(), DPOR, jobs, new Explorer.Budget(1, budget, stopAtFirst, 1));
    }

    private static void assertSameSearch(Exploration a, Exploration b) {
        assertEquals(a.executions(), b.executions());
        assertEquals(a.complete(), b.complete());
        assertEquals(a.failures(), b.failures());
        assertEquals(a.distinctTraces(), b.distinctTraces());
        assertEquals(a.distinctFinalStates(), b.distinctFinalStates());
        assertEquals(a.steps(), b.steps());
        assertEquals(a.strategyDescription().replaceFirst(" on \\d+ threads", ""), b.strategyDescription().replaceFirst(" on \\d+ threads", ""));
    }

    @Test
    void theThreadCountChangesNothingButTheWallTime() {
        Exploration one = all(1, 1_000_000, false);
        Exploration two = all(2, 1_000_000, false);
        Exploration three = all(3, 1_000_000, false);
        assertTrue(one.complete(), one.strategyDescription());
        assertEquals(0, one.failures());
        assertSameSearch(one, two);
        assertSameSearch(one, three);
    }

    /**
     * Split with sleep sets, no trace is searched in two parts, and the distinct counts are unions over the
     * parts: on a failure-free cell the split search finds exactly the traces and final states of one
     * unsplit search (final states are reached from many parts: summed, they would count many times over).
     */
    @Test
    void theSplitSearchCountsWhatTheUnsplitSearchCounts() {
        Exploration unsplit = Explorer.explore(SCENARIO.program(Variant.FIX_10305), DPOR.create(), new Explorer.Budget(1, 1_000_000, false, 1),
                SCENARIO.runOptions(), Explorer.Progress.NONE);
        Exploration split = all(2, 1_000_000, false);
        assertTrue(unsplit.complete() && split.complete());
        assertEquals(0, split.failures());
        assertTrue(split.strategyDescription().matches(".* split into \\d{3,} prefix searches .*"), split.strategyDescription());
        assertEquals(unsplit.distinctTraces(), split.distinctTraces());
        assertEquals(unsplit.distinctFinalStates(), split.distinctFinalStates());
        assertEquals(unsplit.distinctTraces(), split.executions() - split.pruned(), "one run per trace, summed over the parts");
    }

    @Test
    void theBudgetIsTheTotalAndCutsTheSameExecutionsOnAnyThreadCount() {
        long whole = all(2, 1_000_000, false).executions();
        long budget = whole / 3;
        Exploration one = all(1, budget, false);
        Exploration two = all(2, budget, false);
        assertEquals(budget, one.executions(), "the budget is the total over every prefix search");
        assertFalse(one.complete());
        assertTrue(one.strategyDescription().contains("stopped in prefix"), one.strategyDescription());
        assertSameSearch(one, two);
    }

    @Test
    void aFailingSearchStopsAtTheFirstFailureInPrefixOrder() {
        Scenario s = ScenarioCatalog.byName("unarchive-during-compaction");
        Explorer.Budget stop = new Explorer.Budget(1, 1_000_000, true, 1);
        Exploration one = SplitSearch.all(s.program(Variant.PRE_10305), s.runOptions(), DPOR, 1, stop);
        Exploration two = SplitSearch.all(s.program(Variant.PRE_10305), s.runOptions(), DPOR, 2, stop);
        assertEquals(1, one.failures());
        assertFalse(one.complete());
        assertSameSearch(one, two);
        assertEquals(one.firstFailureAt(), two.firstFailureAt());
        assertEquals(one.found().getFirst().run().schedule().encode(), two.found().getFirst().run().schedule().encode());
    }
}
