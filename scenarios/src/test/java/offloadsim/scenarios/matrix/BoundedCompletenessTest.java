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
 * Beyond sampling: with sleep-set reduction, every interleaving (no preemption bound) of the scenarios
 * that fit is explored and the fix shows no violation; without reduction the same holds within two
 * preemptions; the pre-fix code fails under every strategy, the reduced search included.
 */
class BoundedCompletenessTest {

    /** Fix-clean scenarios whose whole interleaving space the reduced search covers in a few thousand runs. */
    static final String[] FIX_CLEAN = {"unarchive-during-compaction", "unarchive-during-compaction-pinned", "unarchive-queued-before-arbiter",
            "offload-wins-then-unarchive-retry", "shutdown-during-offload", "delete-during-offload", "attach-then-unarchive"};

    static Exploration explore(String scenario, Variant v, StrategySpec s, long budget, boolean stopAtFirst) {
        Scenario sc = ScenarioCatalog.byName(scenario);
        return Explorer.explore(sc.program(v), s.create(), new Explorer.Budget(1, budget, stopAtFirst, 1), sc.runOptions(), Explorer.Progress.NONE);
    }

    @Test
    void theFixIsCleanOnEveryInterleavingOfTheScenariosThatFit() {
        for (String s : FIX_CLEAN) {
            Exploration e = explore(s, Variant.FIX_10305, StrategySpec.of("exhaustive", 3, -1, true), 50_000, false);
            assertTrue(e.complete(), s + ": space not exhausted in " + e.executions() + " executions");
            assertEquals(0, e.failures(), s + ": " + e.failuresByOracle());
            assertTrue(e.distinctTraces() > 0 && e.distinctTraces() == e.executions() - e.pruned(),
                    s + ": without failures sleep sets complete each Mazurkiewicz trace exactly once");
        }
    }

    @Test
    void theFixIsCleanOnEveryInterleavingWithinTwoPreemptionsWithoutReduction() {
        for (String s : new String[] {"unarchive-during-compaction", "unarchive-during-compaction-pinned", "unarchive-queued-before-arbiter"}) {
            Exploration e = explore(s, Variant.FIX_10305, StrategySpec.of("exhaustive", 3, 2, false), 200_000, false);
            assertTrue(e.complete(), s + ": bounded space not exhausted in " + e.executions() + " executions");
            assertEquals(0, e.failures(), s + ": " + e.failuresByOracle());
        }
    }

    @Test
    void thePreFixCodeFailsUnderEveryStrategy() {
        for (String name : StrategySpec.NAMES) {
            for (boolean por : new boolean[] {false, true}) {
                Exploration e = explore("unarchive-during-compaction", Variant.PRE_10305, StrategySpec.of(name, 2, 2, por), 20_000, true);
                assertTrue(e.failures() > 0, name + (por ? " (por)" : "") + " found nothing in " + e.executions() + " executions");
            }
        }
    }
}
