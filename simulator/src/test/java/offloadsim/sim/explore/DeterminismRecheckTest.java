package offloadsim.sim.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import offloadsim.sim.strategy.RandomWalk;
import org.junit.jupiter.api.Test;

/** The runtime's determinism self-check: it stays quiet on deterministic code and fires on injected nondeterminism. */
class DeterminismRecheckTest {

    private static Program twoTasks(AtomicInteger leak) {
        return sim -> {
            for (String who : new String[] {"a", "b"}) {
                sim.spawn(who, () -> {
                    // a label that depends on state outside the runtime: the injected nondeterminism
                    sim.yieldPoint(leak == null ? "step" : "step " + leak.getAndIncrement());
                    sim.yieldPoint("done");
                });
            }
            return Oracles.NONE;
        };
    }

    @Test
    void deterministicCodePassesTheRecheckOfEveryExecution() {
        Exploration e = Explorer.explore(twoTasks(null), new RandomWalk(), Explorer.Budget.seeds(1, 200).withRecheck(1.0), RunOptions.defaults(), Explorer.Progress.NONE);
        assertEquals(200, e.rechecked());
    }

    @Test
    void injectedNondeterminismFailsLoudlyWithBothTraces() {
        AtomicInteger leak = new AtomicInteger();
        NondeterminismException ex = assertThrows(NondeterminismException.class, () ->
                Explorer.explore(twoTasks(leak), new RandomWalk(), Explorer.Budget.seeds(1, 200).withRecheck(1.0), RunOptions.defaults(), Explorer.Progress.NONE));
        assertTrue(ex.getMessage().startsWith("determinism self-check failed: seed 1"), ex.getMessage());
        assertTrue(ex.traces().contains("--- replay 1") && ex.traces().contains("--- replay 2") && ex.traces().contains("@step "), ex.traces());
    }

    @Test
    void theDefaultSampleIsAboutOnePercentAndTheSameForAnyShard() {
        Explorer.Budget b = Explorer.Budget.seeds(1, 100_000).withRecheck(0.01);
        int n = 0;
        for (long seed = 1; seed <= 100_000; seed++) if (b.rechecks(seed)) n++;
        assertTrue(n > 900 && n < 1100, "sampled " + n);
        Exploration whole = Explorer.explore(twoTasks(null), new RandomWalk(), Explorer.Budget.seeds(1, 2000).withRecheck(0.01), RunOptions.defaults(), Explorer.Progress.NONE);
        Exploration first = Explorer.explore(twoTasks(null), new RandomWalk(), Explorer.Budget.seeds(1, 1000).withRecheck(0.01), RunOptions.defaults(), Explorer.Progress.NONE);
        Exploration second = Explorer.explore(twoTasks(null), new RandomWalk(), Explorer.Budget.seeds(1001, 1000).withRecheck(0.01), RunOptions.defaults(), Explorer.Progress.NONE);
        assertEquals(whole.rechecked(), first.rechecked() + second.rechecked());
    }
}
