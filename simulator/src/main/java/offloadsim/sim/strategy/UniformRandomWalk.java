package offloadsim.sim.strategy;

import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Uniform random walk over interleavings (the URW of Ozkan, Majumdar and Oraee's trace-aware random
 * testing): a plain random walk favours interleavings that switch early, because a task with many steps
 * left is picked as often as one about to finish. Picking each runnable task with probability
 * proportional to its remaining steps makes every interleaving of the tasks' steps equally likely. The
 * remaining steps are estimated from the longest run of a task with the same name in earlier executions
 * (so the first execution is a plain random walk), which keeps the walk deterministic per seed sequence.
 */
public final class UniformRandomWalk implements Strategy {
    /** Longest step count seen per task name (sorted map: iteration order never matters, kept stable anyway). */
    private final TreeMap<String, Integer> longest = new TreeMap<>();
    private final TreeMap<Integer, String> names = new TreeMap<>();
    private int[] taken = new int[8];
    private SplittableRandom random = new SplittableRandom(0);

    @Override
    public String name() {
        return "urw";
    }

    @Override
    public String describe() {
        return "urw tasks-estimated=" + longest.size();
    }

    @Override
    public boolean beginExecution(long seed) {
        random = new SplittableRandom(seed);
        names.clear();
        java.util.Arrays.fill(taken, 0);
        return true;
    }

    @Override
    public int pickTask(SchedulingPoint point) {
        int n = point.runnable().size();
        long[] weight = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            SchedulingPoint.TaskView t = point.runnable().get(i);
            names.putIfAbsent(t.id(), t.name());
            int remaining = longest.getOrDefault(t.name(), 0) - steps(t.id());
            weight[i] = Math.max(1, remaining);
            total += weight[i];
        }
        long r = random.nextLong(total);
        for (int i = 0; i < n; i++) {
            r -= weight[i];
            if (r < 0) return i;
        }
        return n - 1;
    }

    @Override
    public int pickInt(int bound, String label) {
        return random.nextInt(bound);
    }

    @Override
    public void afterStep(StepRecord step) {
        if (step.taskId() >= taken.length) taken = java.util.Arrays.copyOf(taken, Math.max(step.taskId() + 1, taken.length * 2));
        taken[step.taskId()]++;
    }

    @Override
    public void endExecution(boolean violated) {
        for (var e : names.entrySet()) longest.merge(e.getValue(), steps(e.getKey()), Math::max);
    }

    private int steps(int taskId) {
        return taskId < taken.length ? taken[taskId] : 0;
    }
}
