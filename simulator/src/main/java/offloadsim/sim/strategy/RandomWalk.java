package offloadsim.sim.strategy;

import java.util.SplittableRandom;

/** Picks uniformly among the runnable tasks at every choice; the seed decides everything. */
public final class RandomWalk implements Strategy {
    private SplittableRandom random = new SplittableRandom(0);

    @Override
    public String name() {
        return "random";
    }

    @Override
    public boolean beginExecution(long seed) {
        random = new SplittableRandom(seed);
        return true;
    }

    /** Each execution draws from a generator seeded with its own seed alone. */
    @Override
    public boolean independentExecutions() {
        return true;
    }

    /** It draws without looking back: the runtime need not build step records for it. */
    @Override
    public boolean readsSteps() {
        return false;
    }

    @Override
    public int pickTask(SchedulingPoint point) {
        return random.nextInt(point.runnable().size());
    }

    @Override
    public int pickInt(int bound, String label) {
        return random.nextInt(bound);
    }
}
