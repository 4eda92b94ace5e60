package offloadsim.sim.strategy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Partial order sampling (POS: Yuan, Yang, Gu, "Partial Order Aware Concurrency Sampling", CAV 2018), as
 * Fray's default scheduler has it: every task's pending step carries a random priority, the runnable task
 * with the highest one runs, and after a step the priorities of the pending steps that race with it are
 * drawn afresh (the step's own task gets a fresh one too). Independent steps keep their relative order,
 * so interleavings that only permute independent steps are not sampled over and over, and the probability
 * of each partial order is far more even than under a random walk.
 *
 * <p>Fray and the paper know a pending operation's resource before it runs; here a step's footprint is
 * known only after it ran. A pending step is predicted by what steps of the same task name from the same
 * yield label touched before (in this or earlier executions; object ids are stable across runs); a step
 * never seen yet is taken to race with everything, so it is resampled rather than starved.
 */
public final class Pos implements Strategy {
    /** (task name, label) -> union of what steps from there touched. Looked up only, never iterated. */
    private final Map<String, Footprint> predicted = new HashMap<>();
    private double[] priority = new double[8];
    private boolean[] assigned = new boolean[8];
    private String[] pendingKey = new String[8];
    private String[] names = new String[8];
    private SplittableRandom random = new SplittableRandom(0);

    @Override
    public String name() {
        return "pos";
    }

    @Override
    public String describe() {
        return "pos predicted-steps=" + predicted.size();
    }

    @Override
    public boolean beginExecution(long seed) {
        random = new SplittableRandom(seed);
        Arrays.fill(assigned, false);
        Arrays.fill(pendingKey, null);
        Arrays.fill(names, null);
        return true;
    }

    @Override
    public int pickTask(SchedulingPoint point) {
        int best = -1;
        double bestPriority = -1;
        for (int i = 0; i < point.runnable().size(); i++) {
            SchedulingPoint.TaskView t = point.runnable().get(i);
            ensure(t.id());
            if (!assigned[t.id()]) {
                priority[t.id()] = random.nextDouble();
                assigned[t.id()] = true;
            }
            names[t.id()] = t.name();
            pendingKey[t.id()] = t.name() + '\u0000' + t.label();
            if (priority[t.id()] > bestPriority) {
                bestPriority = priority[t.id()];
                best = i;
            }
        }
        return best;
    }

    @Override
    public int pickInt(int bound, String label) {
        return random.nextInt(bound);
    }

    @Override
    public void afterStep(StepRecord step) {
        int me = step.taskId();
        ensure(me);
        String key = names[me] == null ? null : names[me] + '\u0000' + step.label();
        if (key != null) predicted.merge(key, step.footprint(), Footprint::union);
        // the step ran: its task's next step is a new event with its own priority
        assigned[me] = false;
        pendingKey[me] = null;
        for (int t = 0; t < assigned.length; t++) {
            if (t == me || !assigned[t]) continue;
            Footprint pending = pendingKey[t] == null ? null : predicted.get(pendingKey[t]);
            if (pending == null || pending.conflictsWith(step.footprint())) assigned[t] = false;
        }
    }

    private void ensure(int task) {
        if (task >= priority.length) {
            int n = Math.max(task + 1, priority.length * 2);
            priority = Arrays.copyOf(priority, n);
            assigned = Arrays.copyOf(assigned, n);
            pendingKey = Arrays.copyOf(pendingKey, n);
            names = Arrays.copyOf(names, n);
        }
    }
}
