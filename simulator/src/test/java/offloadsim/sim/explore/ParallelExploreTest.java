package offloadsim.sim.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import offloadsim.sim.strategy.Pct;
import offloadsim.sim.strategy.RandomWalk;
import offloadsim.sim.toy.RandomPrograms;
import offloadsim.sim.toy.Toys;
import org.junit.jupiter.api.Test;

/**
 * Random walk's seeds spread over threads give the exploration one thread gives, field for field (only the
 * wall time may differ): the threads change how soon, never what.
 */
class ParallelExploreTest {

    /** Everything an exploration reports but its wall time, with each kept run reduced to its identity. */
    private static String identity(Exploration e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.strategy()).append('|').append(e.strategyDescription()).append('|').append(e.executions()).append('|').append(e.complete())
                .append('|').append(e.steps()).append('|').append(e.distinctInterleavings()).append('|').append(e.distinctFinalStates())
                .append('|').append(e.distinctTraces()).append('|').append(e.pruned()).append('|').append(e.failures()).append('|')
                .append(e.firstFailureAt()).append('|').append(e.failuresByOracle()).append('|').append(e.classes()).append('|').append(e.rechecked())
                .append('|').append(e.coverage().points()).append('|').append(e.coverage().switches());
        for (Exploration.Found f : e.found())
            sb.append("\n  ").append(f.seed()).append(' ').append(f.execution()).append(' ').append(f.run().outcome().summary()).append(' ')
                    .append(f.run().schedule().encode()).append(' ').append(f.run().trace().hash());
        return sb.toString();
    }

    @Test
    void randomProgramsGiveTheSameExplorationOnOneTwoAndThreeThreads() {
        int withFailures = 0;
        for (long p = 1; p <= 25; p++) {
            Program program = RandomPrograms.generate(p, 3, 4, ConcurrentHashMap.newKeySet(), RandomPrograms.Watch.SUM_THROUGH_RUNTIME);
            // a budget that is no multiple of the chunk size, so the last chunk is a partial one
            Explorer.Budget budget = new Explorer.Budget(p * 1000, 3 * Explorer.CHUNK + 17, false, 2).withRecheck(0.05);
            Exploration one = Explorer.explore(program, new RandomWalk(), budget, RunOptions.defaults(), Explorer.Progress.NONE);
            for (int jobs : new int[] {2, 3}) {
                Exploration many = Explorer.explore(program, RandomWalk::new, jobs, budget, RunOptions.defaults(), Explorer.Progress.NONE);
                assertEquals(identity(one), identity(many), "program " + p + " on " + jobs + " threads");
            }
            if (one.failures() > 0) withFailures++;
        }
        assertTrue(withFailures >= 5, "the comparison covers failing runs too: " + withFailures + " of 25 programs failed");
    }

    @Test
    void stopAtFirstStopsAtTheSameSeedAndDropsWhatRanBeyondIt() {
        Explorer.Budget budget = new Explorer.Budget(1, 10_000, true, 1);
        Exploration one = Explorer.explore(Toys.checkThenAct(), new RandomWalk(), budget, RunOptions.defaults(), Explorer.Progress.NONE);
        Exploration two = Explorer.explore(Toys.checkThenAct(), RandomWalk::new, 2, budget, RunOptions.defaults(), Explorer.Progress.NONE);
        assertTrue(one.failures() == 1 && one.executions() < Explorer.CHUNK, "the race shows within the first chunk: " + one.executions());
        assertEquals(identity(one), identity(two));
    }

    @Test
    void progressIsReportedInSeedOrderOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        List<Long> seen = new java.util.ArrayList<>();
        Explorer.explore(Toys.lockedCheckThenAct(), RandomWalk::new, 2, Explorer.Budget.seeds(1, 500), RunOptions.defaults(), (done, planned, v) -> {
            assertEquals(caller, Thread.currentThread());
            seen.add(done);
        });
        for (int i = 1; i < seen.size(); i++) assertTrue(seen.get(i) >= seen.get(i - 1), "progress went back: " + seen);
        assertEquals(500L, seen.getLast());
    }

    @Test
    void aStrategyThatLearnsAcrossExecutionsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Explorer.explore(Toys.checkThenAct(), () -> new Pct(3), 2, Explorer.Budget.seeds(1, 10), RunOptions.defaults(), Explorer.Progress.NONE));
        assertTrue(e.getMessage().contains("pct"), e.getMessage());
    }
}
