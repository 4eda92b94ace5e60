package offloadsim.sim.strategy;

import java.util.ArrayList;
import java.util.List;

/**
 * Stateless depth-first search over every choice of the run (task picks and random draws), with a
 * preemption bound (CHESS's iterative context bounding: switching away from a task that could continue
 * costs one preemption; -1 means unbounded) and optional sleep-set partial-order reduction (Godefroid).
 * Each execution replays the prefix of the current branch and extends it with the first untried option;
 * once the tree is exhausted the bounded space has been explored completely.
 *
 * <p>Sleep sets: after the subtree of task p at a node is explored, p is put to sleep for the node's later
 * branches together with the footprint of the step it took there, and stays asleep down a branch while
 * every step run is independent of that footprint (no conflicting read/write of a shared object). A
 * sleeping task is never picked; an execution where every runnable task sleeps is abandoned (it can only
 * repeat explored traces). Every reachable state is still visited, so per-step oracles keep their power.
 *
 * <p>With a preemption bound the naive combination is unsound (Coons, Musuvathi, McKinley, OOPSLA 2013):
 * the interleaving that represents a trace in p's subtree may need more preemptions than the pruned one.
 * So p is put to sleep only if the bound cut nothing in its subtree, where the unbounded argument holds;
 * the reduction is weaker under tight bounds but never loses a trace the bounded search would reach.
 * The same holds for subtrees that contain a failing run, since a run stops at its first failure.
 */
public final class Exhaustive implements Strategy {

    public enum Reduction { NONE, SLEEP_SETS }

    /** A choice point on the current branch. */
    private static final class Level {
        /** Allowed options: indices into the runnable tasks, or the values of a draw. */
        final int[] options;
        /** Task ids of the options at a task pick; null at a draw. */
        final int[] tasks;
        /** The sleep set on arrival. */
        final List<SleepingTask> sleep;
        /** Options whose subtrees are done and usable as sleepers. */
        final List<SleepingTask> done = new ArrayList<>();
        int taken;
        /** Union of what the taken option's step touched, over the draws inside it. */
        Footprint takenFootprint;
        /** The preemption bound removed options somewhere below the taken option. */
        boolean takenCut;

        Level(int[] options, int[] tasks, List<SleepingTask> sleep) {
            this.options = options;
            this.tasks = tasks;
            this.sleep = sleep;
        }
    }

    private final int preemptionBound;
    private final Reduction reduction;
    /** Decisions every execution starts with (one part of a split search); the search is below them. */
    private final List<offloadsim.sim.trace.Schedule.Decision> forced;
    /** Abandon an execution at its task pick number {@code pickLimit + 1} (0: no limit), for enumerating prefixes. */
    private final int pickLimit;
    private int forcedCursor;
    private int picks;
    private long prunedAtLimit;
    /** The sleep set where the last execution stopped at the pick limit. */
    private List<SleepingTask> asleepAtLimit = List.of();
    private boolean oraclesObserved;
    private final List<Level> branch = new ArrayList<>();
    private List<SleepingTask> sleeping = new ArrayList<>();
    private Level pickedAt;
    private int depth;
    private int preemptions;
    private boolean started;
    private boolean exhausted;
    private long cuts;

    public Exhaustive(int preemptionBound) {
        this(preemptionBound, Reduction.NONE);
    }

    public Exhaustive(int preemptionBound, Reduction reduction) {
        this(preemptionBound, reduction, List.of(), 0);
    }

    /**
     * @param forced    decisions every execution starts with (a part of a split search: see
     *                  {@link offloadsim.sim.explore.Partition}); the search covers the runs that begin so
     * @param pickLimit abandon each execution at its (pickLimit+1)-th task pick (0: never)
     */
    public Exhaustive(int preemptionBound, Reduction reduction, List<offloadsim.sim.trace.Schedule.Decision> forced, int pickLimit) {
        if (preemptionBound < -1) throw new IllegalArgumentException("preemption bound must be -1 (unbounded) or more");
        this.preemptionBound = preemptionBound;
        this.reduction = reduction;
        this.forced = List.copyOf(forced);
        this.pickLimit = pickLimit;
    }

    /** Executions abandoned at the pick limit (0: the limit never mattered, the whole tree was enumerated). */
    public long prunedAtLimit() {
        return prunedAtLimit;
    }

    /**
     * The sleep set where the last execution stopped at the pick limit: the tasks whose step there is
     * covered by earlier branches (empty without sleep sets).
     */
    public List<SleepingTask> asleepAtLimit() {
        return asleepAtLimit;
    }

    /** Whether a per-step oracle read anything through the runtime in any execution so far. */
    public boolean oraclesObserved() {
        return oraclesObserved;
    }

    @Override
    public void oracleObserved(Footprint observed) {
        if (!observed.isEmpty()) oraclesObserved = true;
    }

    @Override
    public String name() {
        return "exhaustive";
    }

    @Override
    public String describe() {
        String d = "exhaustive preemptions<=" + (preemptionBound < 0 ? "inf" : preemptionBound)
                + " por=" + (reduction == Reduction.SLEEP_SETS ? "sleep-sets" : "none");
        if (started && !exhausted) d += String.format(" stopped: %.1f%% of the tree by Knuth's estimate, at depth %d", 100 * exploredFraction(), branch.size());
        return d;
    }

    public Reduction reduction() {
        return reduction;
    }

    /** Choice points where the preemption bound removed options (0 means the bound did not matter). */
    public long boundCuts() {
        return cuts;
    }

    /**
     * Share of the tree's leaves already explored, estimated by treating unexplored siblings as the same
     * size as the explored ones (Knuth 1975): sum over the branch of taken/options, scaled by the path.
     */
    public double exploredFraction() {
        if (exhausted) return 1;
        double fraction = 0;
        double weight = 1;
        for (Level l : branch) {
            fraction += weight * l.taken / l.options.length;
            weight /= l.options.length;
        }
        return fraction;
    }

    @Override
    public boolean beginExecution(long seed) {
        depth = 0;
        preemptions = 0;
        forcedCursor = 0;
        picks = 0;
        sleeping = new ArrayList<>();
        pickedAt = null;
        if (!started) {
            started = true;
            return true;
        }
        while (!branch.isEmpty() && branch.getLast().taken + 1 >= branch.getLast().options.length) branch.removeLast();
        if (branch.isEmpty()) {
            exhausted = true;
            return false;
        }
        Level l = branch.getLast();
        if (l.tasks != null && !l.takenCut && l.takenFootprint != null) l.done.add(new SleepingTask(l.tasks[l.taken], l.takenFootprint));
        l.taken++;
        l.takenFootprint = null;
        l.takenCut = false;
        return true;
    }

    @Override
    public int pickTask(SchedulingPoint point) {
        int cur = point.currentRunnable() ? point.indexOf(point.current()) : -1;
        if (forcedCursor < forced.size()) {
            if (!(forced.get(forcedCursor++) instanceof offloadsim.sim.trace.Schedule.TaskPick(int id)) || point.indexOf(id) < 0)
                throw new IllegalStateException("the forced prefix does not fit the program at decision " + forcedCursor);
            int chosen = point.indexOf(id);
            if (cur >= 0 && chosen != cur) preemptions++;
            if (preemptionBound >= 0 && preemptions > preemptionBound) return PRUNE; // the prefix itself is beyond the bound
            return chosen;
        }
        if (pickLimit > 0 && ++picks > pickLimit) {
            prunedAtLimit++;
            asleepAtLimit = List.copyOf(sleeping);
            return PRUNE;
        }
        Level level;
        if (depth < branch.size()) {
            level = branch.get(depth);
        } else {
            level = newTaskLevel(point, cur);
            if (level == null) return PRUNE;
            branch.add(level);
        }
        depth++;
        pickedAt = level;
        int chosen = level.options[level.taken];
        if (cur >= 0 && chosen != cur) preemptions++;
        return chosen;
    }

    /** The options at a new task pick, or null when none may run (all asleep, or the bound forbids the rest). */
    private Level newTaskLevel(SchedulingPoint point, int cur) {
        int n = point.runnable().size();
        int[] awake = new int[n];
        int k = 0;
        if (cur >= 0 && !asleep(point.runnable().get(cur).id())) awake[k++] = cur; // no preemption first
        for (int i = 0; i < n; i++) if (i != cur && !asleep(point.runnable().get(i).id())) awake[k++] = i;
        if (k == 0) return null;
        boolean curAwake = cur >= 0 && awake[0] == cur;
        if (cur >= 0 && preemptionBound >= 0 && preemptions >= preemptionBound) {
            int allowed = curAwake ? 1 : 0;
            if (k > allowed) markCut();
            if (allowed == 0) return null;
            k = 1;
        }
        int[] options = java.util.Arrays.copyOf(awake, k);
        int[] tasks = new int[k];
        for (int i = 0; i < k; i++) tasks[i] = point.runnable().get(options[i]).id();
        return new Level(options, tasks, List.copyOf(sleeping));
    }

    private boolean asleep(int task) {
        for (SleepingTask s : sleeping) if (s.task() == task) return true;
        return false;
    }

    /** The bound removed options here: no ancestor's taken subtree is complete enough to sleep on. */
    private void markCut() {
        cuts++;
        for (Level l : branch) l.takenCut = true;
    }

    @Override
    public boolean pruneSoleRunnable(int taskId) {
        return asleep(taskId);
    }

    @Override
    public int pickInt(int bound, String label) {
        if (forcedCursor < forced.size()) {
            if (!(forced.get(forcedCursor++) instanceof offloadsim.sim.trace.Schedule.DataPick(int v)) || v >= bound)
                throw new IllegalStateException("the forced prefix does not fit the program at decision " + forcedCursor);
            return v;
        }
        if (depth < branch.size()) {
            Level l = branch.get(depth++);
            return l.options[l.taken];
        }
        int[] options = new int[bound];
        for (int i = 0; i < bound; i++) options[i] = i;
        branch.add(new Level(options, null, List.of()));
        depth++;
        return 0;
    }

    @Override
    public void afterStep(StepRecord step) {
        if (reduction == Reduction.NONE) return;
        Footprint fp = step.footprint();
        if (pickedAt != null) {
            Level l = pickedAt;
            pickedAt = null;
            l.takenFootprint = Footprint.union(l.takenFootprint, fp);
            List<SleepingTask> next = new ArrayList<>();
            for (SleepingTask s : l.sleep) if (s.task() != step.taskId() && !s.footprint().conflictsWith(fp)) next.add(s);
            for (SleepingTask s : l.done) if (s.task() != step.taskId() && !s.footprint().conflictsWith(fp)) next.add(s);
            sleeping = next;
        } else if (!sleeping.isEmpty()) {
            sleeping.removeIf(s -> s.task() == step.taskId() || s.footprint().conflictsWith(fp));
        }
    }

    /**
     * A failing run stops at the failure, so the subtrees above it were not followed past it: like a bound
     * cut, they cannot vouch for the traces their sleepers would stand for.
     */
    @Override
    public void endExecution(boolean violated) {
        if (violated) for (Level l : branch) l.takenCut = true;
    }

    @Override
    public boolean exhausted() {
        return exhausted;
    }
}
