package offloadsim.scenarios.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.explore.StrategySpec;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import org.junit.jupiter.api.Test;

/**
 * Beyond sampling: every interleaving of unarchive-during-compaction with at most two preemptions is
 * explored, and the fix shows none of the #10220 bug; the pre-fix code fails under every strategy.
 */
class BoundedCompletenessTest {

    static Exploration explore(String scenario, Variant v, StrategySpec s, long budget, boolean stopAtFirst) {
        Scenario sc = ScenarioCatalog.byName(scenario);
        return Explorer.explore(sc.program(v), s.create(), new Explorer.Budget(1, budget, stopAtFirst, 1), sc.runOptions(), Explorer.Progress.NONE);
    }

    @Test
    void theFixIsCleanOnEveryInterleavingWithinTwoPreemptions() {
        for (String s : new String[] {"unarchive-during-compaction", "unarchive-during-compaction-pinned", "unarchive-queued-before-arbiter"}) {
            Exploration e = explore(s, Variant.FIX_10305, StrategySpec.of("exhaustive", 3, 2, false), 200_000, false);
            assertTrue(e.complete(), s + ": bounded space not exhausted in " + e.executions() + " executions");
            assertEquals(0, e.failures(), s + ": " + e.failuresByOracle());
        }
    }

    @Test
    void thePreFixCodeFailsUnderEveryStrategy() {
        for (String name : StrategySpec.NAMES) {
            Exploration e = explore("unarchive-during-compaction", Variant.PRE_10305, StrategySpec.of(name, 2, 2, false), 20_000, true);
            assertTrue(e.failures() > 0, name + " found nothing in " + e.executions() + " executions");
        }
    }
}
