package offloadsim.sim.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * Stateless depth-first search over every choice of the run (task picks and random draws), with a
 * preemption bound (CHESS's iterative context bounding: switching away from a task that could continue
 * costs one preemption; -1 means unbounded). Each execution replays the prefix of the current branch and
 * extends it with the first untried option; at the end the tree is exhausted and the bounded space has
 * been explored completely. Without partial-order reduction: equivalent interleavings are all run.
 */
public final class Exhaustive implements Strategy {

    /** A choice point on the current branch: the allowed options (indices) and which one is taken. */
    private static final class Level {
        final int[] options;
        int taken;

        Level(int[] options) {
            this.options = options;
        }
    }

    private final int preemptionBound;
    private final List<Level> branch = new ArrayList<>();
    private int depth;
    private int preemptions;
    private boolean started;
    private boolean exhausted;

    public Exhaustive(int preemptionBound) {
        if (preemptionBound < -1) throw new IllegalArgumentException("preemption bound must be -1 (unbounded) or more");
        this.preemptionBound = preemptionBound;
    }

    @Override
    public String name() {
        return "exhaustive";
    }

    @Override
    public String describe() {
        return "exhaustive preemptions<=" + (preemptionBound < 0 ? "inf" : preemptionBound) + " por=none";
    }

    @Override
    public boolean beginExecution(long seed) {
        depth = 0;
        preemptions = 0;
        if (!started) {
            started = true;
            return true;
        }
        while (!branch.isEmpty() && branch.getLast().taken + 1 >= branch.getLast().options.length) branch.removeLast();
        if (branch.isEmpty()) {
            exhausted = true;
            return false;
        }
        branch.getLast().taken++;
        return true;
    }

    @Override
    public int pickTask(SchedulingPoint point) {
        int cur = point.currentRunnable() ? point.indexOf(point.current()) : -1;
        Level level;
        if (depth < branch.size()) {
            level = branch.get(depth);
        } else {
            int n = point.runnable().size();
            int[] options;
            if (cur >= 0 && preemptionBound >= 0 && preemptions >= preemptionBound) {
                options = new int[] {cur};
            } else {
                options = new int[n];
                int k = 0;
                if (cur >= 0) options[k++] = cur; // no preemption first
                for (int i = 0; i < n; i++) if (i != cur) options[k++] = i;
            }
            level = new Level(options);
            branch.add(level);
        }
        depth++;
        int chosen = level.options[level.taken];
        if (cur >= 0 && chosen != cur) preemptions++;
        return chosen;
    }

    @Override
    public int pickInt(int bound, String label) {
        if (depth < branch.size()) return branch.get(depth++).options[branch.get(depth - 1).taken];
        int[] options = new int[bound];
        for (int i = 0; i < bound; i++) options[i] = i;
        branch.add(new Level(options));
        depth++;
        return 0;
    }

    @Override
    public boolean exhausted() {
        return exhausted;
    }
}
