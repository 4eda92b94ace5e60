package offloadsim.sim.strategy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Optimal dynamic partial-order reduction: source sets with wake-up trees (Abdulla, Aronis, Jonsson,
 * Sagonas, POPL 2014 / JACM 2017). A stateless search that, on a terminating program without failures,
 * completes exactly one execution per Mazurkiewicz trace (the dependency is the one the Foata hash uses:
 * same task, conflicting footprints, or a step the clock resumed after a step before the advance).
 *
 * <p>An event is one step of one task together with the values its random draws returned. Each execution
 * follows the wake-up tree of every node it passes; where the tree is empty it takes any runnable task that
 * is not asleep (the running one first: no preemption). When an execution ends, every pair of events in a
 * reversible race (different tasks, dependent, no event in between ordered after the first and before the
 * second) yields the sequence {@code notdep(e, E).e'} — the events after {@code e} that do not depend on it,
 * then {@code e'} — which is inserted into the wake-up tree at the node before {@code e} unless a sleeping
 * task is a weak initial of it (that trace is covered). A race is not reversible when {@code e} made the
 * second task runnable (woke, spawned it) or when virtual time did (below).
 *
 * <p><b>Virtual time.</b> Take the clock advance as an event C of its own. It is enabled only when no task
 * can run, so every task's last step before it blocked or ended that task: C comes after every step before
 * it (each task's earlier steps through program order), and no step of any task commutes with it — a step
 * needs its task runnable, C needs none runnable. After C only the tasks it woke can run (their next steps
 * are the ones {@link StepRecord#BY_CLOCK} marks), and every later step is one of theirs or of a task woken
 * or spawned by a step after C, so through those wake-ups (each a footprint conflict: the waker writes the
 * object the woken step reads) every later step comes after C. The dependency relation is therefore the
 * footprint one plus one edge: a step the clock resumed depends on every step before the advance that
 * resumed it (the Foata hash places it above every level reached at the advance: the same relation). C
 * splits every execution into epochs, each with its own partial order, and equivalent executions share
 * their epochs. That relation is exact: no execution can put a step before C that another puts after, so
 * the edge adds no order the program does not force, and within an epoch virtual time is constant (what
 * {@code nowNanos} returns, the deadlines timed waits compute) and the advance resumes the same tasks
 * whatever order the epoch's steps took. What DPOR does with it:
 * <ul>
 *   <li>Race detection uses the edge, and a race whose second step the clock resumed after the first is
 *       not reversible (the first step cannot move past C).</li>
 *   <li>Everything weighed against a node lies in that node's epoch: a sequence {@code notdep(e, E).e'} has
 *       no event after a later advance (such an event comes after e through the edge), nor does e' (it
 *       would be ordered after e, not in race with it); sleepers are runnable tasks, and at an advance none
 *       is, so no sleeper crosses an advance; wake-up tree children are sequences inserted at the node.
 *       There a step the clock resumed is an ordinary step of a runnable task, dependent by task and
 *       footprint only — when sequences are built, when sleepers are carried down and when a sleeper or a
 *       tree child is matched against a sequence. (Taking it as dependent on everything there, as before,
 *       stays sound but inserts sequences whose trace another branch reaches: attach-then-unarchive on
 *       fix-10305 ran 38 180 executions for 8 932 traces.)</li>
 * </ul>
 *
 * <p><b>Matching with exact footprints.</b> A step's footprint depends on what it read. In a race's sequence
 * every event of {@code notdep(e, E)} reads what it read in E, but e' ran after e and now runs before it: a
 * join or a wait that passed because of e now blocks, a lock e held is free, and the step touches other
 * objects than the ones recorded — its footprint is a guess until it runs. So:
 * <ul>
 *   <li>a sleeper, or a step explored at the node, is matched against a sequence with its own footprint,
 *       which is exact there: it is what its task runs at that node, and runs unchanged at its place in the
 *       sequence if it commutes with the events before it;</li>
 *   <li>a wake-up tree child that has not run and was itself the e' of an earlier race
 *       ({@link WuNode#guessed}) cannot tell whether it starts a new sequence. If no other child takes the
 *       sequence, it waits on that child ({@link WuNode#pending}); once the child has run, at the end of that
 *       execution, the sequence is placed with the child's exact footprint: below it along the execution's
 *       path if the child starts it or commutes with all of it (the path's nodes are still being explored,
 *       and each one's sleepers and explored steps are checked on the way), beside it otherwise. Nothing is
 *       lost: the child is explored before its node is left, and one dropped without running (a bound cut, a
 *       hint that no longer fits) hands its waiting sequences to its node.</li>
 * </ul>
 * Inserting such a sequence at once, as before, was sound but completed some traces twice (Tenant::shutdown
 * joining its timeline-shutdown tasks, which passes or blocks depending on whether the task already ended:
 * shutdown-during-offload on fix-10305 ran 481 executions for 468 traces).
 *
 * <p><b>Guesses are never trusted to cover.</b> The moved step (e' in its sequence, {@link Event#guessed})
 * counts as conflicting with every other task's step whenever the search decides that something already
 * explored stands for a sequence: a sleeper's weak-initial test, a child's independence from a sequence, the
 * initials of a sequence. Taking its recorded footprint there lost traces: a step that branches on what it
 * reads (a bump of another variable only after an odd read) touches more objects moved ahead of the write it
 * ran after, and a sleeper judged independent of the smaller, recorded footprint hid the trace where it is not
 * (random programs of {@code Mix.BRANCHING}: 13 of 31 final states lost on one). The price is a run that ends
 * sleep-blocked where the real footprint does commute (attach-then-unarchive: 2 in 8 022; unoffload-racing-
 * restart on head: 43 in 2 941); a trace is still never completed twice. For the same reason a sequence is
 * not dropped at a wake-up tree leaf (see {@link #place}), and a child whose task turns out to sleep where it
 * is to run is dropped ({@link #dropAsleep}).
 *
 * <p>Beyond the paper's setting, and why each stays sound:
 * <ul>
 *   <li><b>Random draws.</b> A task's step with other draw values is a different event of the same task.
 *       Whenever a node explores a task, it explores every variant of that task's step there (they are
 *       added as siblings when the first one runs), and the task goes to sleep only once all of them are
 *       done, with the union of their footprints (it stands for every variant). Draws made while the
 *       program builds its world, before any step, are enumerated outside the search: one search per
 *       combination.</li>
 *   <li><b>Failures.</b> A run stops at its first failure, as the unreduced search does; so the failing step
 *       behaves as if it disabled every other task, and it is dependent with every task still runnable.
 *       Those tasks' pending steps are inserted as races of the failing step (run them before it), which
 *       is what the unreduced search explores at that node. Deadlocks end runs naturally.</li>
 *   <li><b>Per-step oracles.</b> One interleaving per trace visits only that interleaving's intermediate
 *       states. Objects the oracles read through the runtime after a step ({@link #oracleObserved}) make
 *       every step that writes one of them dependent on every other such step, so the oracles see the same
 *       sequence of states in every explored representative; oracles that read plain fields must only
 *       check what steps record (findings) or what holds at quiescence.</li>
 *   <li><b>Preemption bound.</b> A choice that would exceed it is dropped and counted; a search that
 *       dropped nothing is complete, one that did covers only the traces whose representative the search
 *       built within the bound — which is not every trace with some linearization within the bound
 *       (Coons, Musuvathi, McKinley, OOPSLA 2013), so it never reports complete.</li>
 * </ul>
 */
public final class Dpor implements Strategy {

    /** One executed step of the current execution. */
    private static final class Event {
        final int index;
        final int task;
        final int[] draws;
        final Footprint footprint;
        final int enabledBy;
        final int clockSteps;
        final int[] runnable;
        /** It ended the run with a failure: nothing of another task can follow it, so it is dependent with all. */
        boolean fails;
        /**
         * This copy is the last event of a race's sequence, moved ahead of the step it ran after: what it will
         * touch there is unknown (see the class comment), so it is taken as dependent with every other task's step.
         */
        boolean guessed;

        Event(int index, int task, int[] draws, Footprint footprint, int enabledBy, int clockSteps, int[] runnable) {
            this.index = index;
            this.task = task;
            this.draws = draws;
            this.footprint = footprint;
            this.enabledBy = enabledBy;
            this.clockSteps = clockSteps;
            this.runnable = runnable;
        }

        boolean byClock() {
            return enabledBy == StepRecord.BY_CLOCK;
        }

        /** A copy marked {@link #guessed}, for the end of a race's sequence. */
        Event moved() {
            Event c = new Event(index, task, draws, footprint, enabledBy, clockSteps, runnable);
            c.fails = fails;
            c.guessed = true;
            return c;
        }
    }

    /**
     * A node of a wake-up tree: an event to run (task and draws) with the sequences to follow after it.
     * {@code draws} is exact once {@code known}; before that (a variant not yet run) it is a forced prefix,
     * later draws returning 0. {@code footprint} is null until known.
     */
    private static final class WuNode {
        final int task;
        int[] draws;
        boolean known;
        Footprint footprint;
        boolean fails;
        /** Positions of the draws from which sibling variants are still to be generated when it first runs. */
        final int variantsFrom;
        boolean ran;
        /** It was the last event of a race's sequence, recorded before the step it is moved ahead of: its footprint is a guess until it runs. */
        boolean guessed;
        /** Sequences from this node's position whose place depends on its footprint: placed once it has run. */
        List<Pending> pending;
        final List<WuNode> children = new ArrayList<>(2);

        WuNode(int task, int[] draws, boolean known, Footprint footprint, int variantsFrom) {
            this.task = task;
            this.draws = draws;
            this.known = known;
            this.footprint = footprint;
            this.variantsFrom = variantsFrom;
        }

        /** Whether executed event {@code e} is exactly this node's event (same task and draws). */
        boolean sameDraws(Event e) {
            if (e.task != task) return false;
            if (known) return Arrays.equals(draws, e.draws);
            if (e.draws.length < draws.length) return false;
            for (int i = 0; i < e.draws.length; i++) if (e.draws[i] != (i < draws.length ? draws[i] : 0)) return false;
            return true;
        }
    }

    /** A sequence waiting on an undecided child, and which of its events has a guessed footprint (or null). */
    private record Pending(List<Event> w, Event guess) {}

    /** A task whose next step (every variant of it) is covered elsewhere, with what those steps touched. */
    private record Sleeper(int task, Footprint footprint, boolean fails) {}

    /** The state before one step of the current execution. */
    private static final class Node {
        final List<Sleeper> sleep;
        final List<WuNode> wut;
        /** Events explored from here, for the exact-duplicate check (their task may not sleep yet). */
        final List<WuNode> done = new ArrayList<>();
        /** Complete sleepers added after exploring here. */
        final List<Sleeper> slept = new ArrayList<>();
        final int preemptionsBefore;
        final int lastTask;
        final boolean lastRunnable;
        /** Inside a forced prefix: never branches. */
        boolean frozen;
        WuNode current;
        Event taken;

        Node(List<Sleeper> sleep, List<WuNode> wut, int preemptionsBefore, int lastTask, boolean lastRunnable) {
            this.sleep = sleep;
            this.wut = wut;
            this.preemptionsBefore = preemptionsBefore;
            this.lastTask = lastTask;
            this.lastRunnable = lastRunnable;
        }

        boolean asleep(int task) {
            for (Sleeper s : sleep) if (s.task == task) return true;
            for (Sleeper s : slept) if (s.task == task) return true;
            return false;
        }
    }

    private final int preemptionBound;
    /** Task picks and draws every execution starts with, after the setup draws (one part of a split search). */
    private final List<offloadsim.sim.trace.Schedule.Decision> forced;
    /** Tasks asleep where the forced prefix ends: their traces are another part's (see {@link offloadsim.sim.explore.Partition}). */
    private final List<SleepingTask> asleepAfterPrefix;
    private int forcedCursor;
    private final List<Node> path = new ArrayList<>();
    private final Footprint observed = new Footprint();
    /** Setup draw prefixes still to search, and the current one. */
    private final Deque<int[]> setupPending = new ArrayDeque<>();
    private final Deque<Integer> setupPendingFrom = new ArrayDeque<>();
    private int[] setupForced;
    private int setupFrom;
    private final IntList setupDraws = new IntList();
    private final IntList setupBounds = new IntList();
    private boolean setupVariantsDone;

    private int depth;
    private int firstNew;
    private boolean inStep;
    private boolean started;
    private boolean exhausted;
    private final IntList stepDraws = new IntList();
    private final IntList stepBounds = new IntList();
    private long cuts;
    private long divergences;
    private long blocked;
    private long races;
    private long asleepDropped;

    public Dpor(int preemptionBound) {
        this(preemptionBound, List.of());
    }

    /**
     * A search of the runs that begin with {@code prefix} (a part of a split search: see
     * {@link offloadsim.sim.explore.Partition}). The nodes the prefix passes are frozen: no race inserts
     * alternatives there (the other parts cover them), and the search proper starts with empty sleep sets
     * below the prefix, so the parts together cover every trace.
     */
    public Dpor(int preemptionBound, List<offloadsim.sim.trace.Schedule.Decision> prefix) {
        this(preemptionBound, prefix, List.of());
    }

    /**
     * A search of the runs that begin with {@code prefix} whose traces no task of {@code asleep} can start
     * (a part of a split search whose prefixes were enumerated with sleep sets): those tasks start the
     * search below the prefix asleep, with the footprints their steps have there.
     */
    public Dpor(int preemptionBound, List<offloadsim.sim.trace.Schedule.Decision> prefix, List<SleepingTask> asleep) {
        if (!asleep.isEmpty() && preemptionBound >= 0)
            throw new IllegalArgumentException("sleepers from other parts need an unbounded search (a bound may cut the traces they stand for)");
        this.asleepAfterPrefix = List.copyOf(asleep);
        if (preemptionBound < -1) throw new IllegalArgumentException("preemption bound must be -1 (unbounded) or more");
        this.preemptionBound = preemptionBound;
        int k = 0;
        while (k < prefix.size() && prefix.get(k) instanceof offloadsim.sim.trace.Schedule.DataPick) k++;
        int[] setup = new int[k];
        for (int i = 0; i < k; i++) setup[i] = ((offloadsim.sim.trace.Schedule.DataPick) prefix.get(i)).value();
        this.setupForced = setup;
        this.setupFrom = k;
        this.forced = List.copyOf(prefix.subList(k, prefix.size()));
    }

    @Override
    public String name() {
        return "dpor";
    }

    @Override
    public String describe() {
        String d = "dpor (optimal: source sets + wake-up trees) preemptions<=" + (preemptionBound < 0 ? "inf" : preemptionBound);
        if (cuts > 0) d += " bound-cut=" + cuts + " (complete only within what the bound let it build)";
        if (blocked > 0) d += " sleep-blocked=" + blocked;
        if (divergences > 0) d += " diverged=" + divergences;
        return d;
    }

    /** Choices the preemption bound dropped (0: the bound did not matter). */
    public long boundCuts() {
        return cuts;
    }

    /** Wake-up sequences that could not be followed (0 if the dependency relation is right). */
    public long divergences() {
        return divergences;
    }

    /** Executions abandoned because every runnable task slept (0 for optimal DPOR without draws). */
    public long sleepBlocked() {
        return blocked;
    }

    /** Wake-up tree children dropped because their task slept where they were to run (see {@link #dropAsleep}). */
    public long asleepDropped() {
        return asleepDropped;
    }

    /** Reversible races found over all executions. */
    public long races() {
        return races;
    }

    // ---------------------------------------------------------------- executions

    @Override
    public boolean beginExecution(long seed) {
        depth = 0;
        forcedCursor = 0;
        inStep = false;
        setupDraws.clear();
        setupBounds.clear();
        if (!started) {
            started = true;
            firstNew = 0;
            return true;
        }
        if (exhausted) return false;
        while (!path.isEmpty()) {
            int m = path.size() - 1;
            Node n = path.get(m);
            finishCurrent(n);
            dropAsleep(n);
            WuNode next = nextFitting(n);
            if (next != null) {
                n.current = next;
                firstNew = m;
                return true;
            }
            path.removeLast();
        }
        // this setup's tree is done: the next combination of setup draws, if any
        if (!setupPending.isEmpty()) {
            setupForced = setupPending.pop();
            setupFrom = setupPendingFrom.pop();
            setupVariantsDone = false;
            firstNew = 0;
            return true;
        }
        exhausted = true;
        return false;
    }

    /** The first unexplored child of {@code n} whose task the bound allows, dropping the ones it does not. */
    private WuNode nextFitting(Node n) {
        while (!n.wut.isEmpty()) {
            WuNode c = n.wut.getFirst();
            if (fitsBound(n, c.task)) return c;
            dropped(n, n.wut.removeFirst());
            cuts++;
        }
        return null;
    }

    private boolean fitsBound(Node n, int task) {
        boolean preempt = n.lastRunnable && task != n.lastTask;
        return !preempt || preemptionBound < 0 || n.preemptionsBefore < preemptionBound;
    }

    /** The current child of {@code n} is explored: drop it, and put its task to sleep once every variant is done. */
    private void finishCurrent(Node n) {
        WuNode c = n.current;
        if (c == null) return;
        n.current = null;
        n.wut.remove(c);
        if (!c.ran) { // it could not be followed (divergence): nothing was explored under it
            dropped(n, c);
            return;
        }
        n.done.add(c);
        for (WuNode other : n.wut) if (other.task == c.task) return; // variants still to come
        Footprint union = null;
        boolean fails = false;
        for (WuNode d : n.done) {
            if (d.task != c.task) continue;
            union = Footprint.union(union, d.footprint);
            fails |= d.fails;
        }
        n.slept.add(new Sleeper(c.task, union, fails));
    }

    @Override
    public int pickTask(SchedulingPoint point) {
        int n = point.runnable().size();
        int[] runnable = new int[n];
        for (int i = 0; i < n; i++) runnable[i] = point.runnable().get(i).id();
        int task = choose(runnable, point.current(), point.currentRunnable());
        return task < 0 ? PRUNE : point.indexOf(task);
    }

    @Override
    public boolean pruneSoleRunnable(int taskId) {
        int last = depth > 0 ? path.get(depth - 1).taken.task : -1;
        return choose(new int[] {taskId}, last, last == taskId) < 0;
    }

    /** The task to run at the current depth, or -1 to abandon the execution. */
    private int choose(int[] runnable, int last, boolean lastRunnable) {
        Node node;
        int forcedTask = -1;
        boolean inPrefix = forcedCursor < forced.size();
        if (inPrefix && runnable.length > 1) {
            if (!(forced.get(forcedCursor++) instanceof offloadsim.sim.trace.Schedule.TaskPick(int id)) || !contains(runnable, id))
                throw new IllegalStateException("the forced prefix does not fit the program at decision " + forcedCursor);
            forcedTask = id;
        } else if (inPrefix) {
            forcedTask = runnable[0];
        }
        if (depth < path.size()) {
            node = path.get(depth);
            if (!contains(runnable, node.current.task)) {
                divergences++;
                return -1;
            }
        } else if (inPrefix) {
            node = newNode(last, lastRunnable);
            node.frozen = true;
            node.wut.clear();
            WuNode only = new WuNode(forcedTask, new int[0], false, null, 0);
            node.wut.add(only);
            if (!fitsBound(node, forcedTask)) {
                cuts++;
                return -1;
            }
            node.current = only;
            path.add(node);
        } else {
            node = newNode(last, lastRunnable);
            if (!asleepAfterPrefix.isEmpty() && (depth == 0 || path.get(depth - 1).frozen))
                for (SleepingTask s : asleepAfterPrefix) node.sleep.add(new Sleeper(s.task(), s.footprint(), false));
            // a wake-up sequence placed under a variant with other draws is a hint that may not fit
            List<WuNode> unfit = new ArrayList<>();
            for (WuNode c : node.wut) if (!contains(runnable, c.task)) unfit.add(c);
            if (!unfit.isEmpty()) {
                divergences++;
                node.wut.removeAll(unfit);
                for (WuNode c : unfit) dropped(node, c);
            }
            dropAsleep(node);
            if (node.wut.isEmpty()) {
                int pick = freeChoice(node, runnable, last, lastRunnable);
                if (pick < 0) return -1;
                node.wut.add(new WuNode(pick, new int[0], false, null, 0));
            }
            WuNode next = nextFitting(node);
            if (next == null) return -1;
            node.current = next;
            path.add(node);
        }
        inStep = true;
        stepDraws.clear();
        stepBounds.clear();
        return node.current.task;
    }

    private Node newNode(int last, boolean lastRunnable) {
        if (depth == 0) return new Node(new ArrayList<>(), new ArrayList<>(), 0, -1, false);
        Node parent = path.get(depth - 1);
        Event e = parent.taken;
        List<Sleeper> sleep = new ArrayList<>();
        for (Sleeper s : parent.sleep) if (s.task != e.task && independent(s, e)) sleep.add(s);
        for (Sleeper s : parent.slept) if (s.task != e.task && independent(s, e)) sleep.add(s);
        boolean preempted = parent.lastRunnable && e.task != parent.lastTask;
        List<WuNode> wut = new ArrayList<>(parent.current.children);
        return new Node(sleep, wut, parent.preemptionsBefore + (preempted ? 1 : 0), last, lastRunnable);
    }

    /** Any runnable task not asleep, the running one first; -1 when all sleep or the bound forbids the rest. */
    private int freeChoice(Node node, int[] runnable, int last, boolean lastRunnable) {
        if (lastRunnable && contains(runnable, last) && !node.asleep(last)) return last;
        boolean anyAwake = false;
        for (int t : runnable) {
            if (node.asleep(t)) continue;
            anyAwake = true;
            if (fitsBound(node, t)) return t;
        }
        if (anyAwake) cuts++;
        else blocked++;
        return -1;
    }

    @Override
    public int pickInt(int bound, String label) {
        if (!inStep) {
            // drawn while the program builds its world: enumerated outside the search
            int i = setupDraws.size();
            int v = i < setupForced.length ? setupForced[i] : 0;
            if (v >= bound) {
                divergences++;
                v = 0;
            }
            setupDraws.add(v);
            setupBounds.add(bound);
            return v;
        }
        WuNode c = path.get(depth).current;
        int i = stepDraws.size();
        int v = i < c.draws.length ? c.draws[i] : 0;
        if (forcedCursor < forced.size()) {
            if (!(forced.get(forcedCursor++) instanceof offloadsim.sim.trace.Schedule.DataPick(int f)))
                throw new IllegalStateException("the forced prefix does not fit the program at decision " + forcedCursor);
            v = f;
        }
        if (v >= bound) {
            divergences++;
            v = 0;
        }
        stepDraws.add(v);
        stepBounds.add(bound);
        return v;
    }

    @Override
    public void oracleObserved(Footprint seen) {
        for (int i = 0; i < seen.readCount(); i++) observed.read(seen.readAt(i));
        for (int i = 0; i < seen.writeCount(); i++) observed.read(seen.writeAt(i));
        for (int i = 0; i < seen.updateCount(); i++) observed.read(seen.updateAt(i));
    }

    @Override
    public void afterStep(StepRecord step) {
        if (depth == 0 && !setupVariantsDone) setupVariants();
        Node node = path.get(depth);
        inStep = false;
        Footprint fp = copy(step.footprint());
        Event e = new Event(depth, step.taskId(), stepDraws.toArray(), fp, step.enabledBy(), step.clockSteps(), step.runnable());
        node.taken = e;
        WuNode c = node.current;
        if (!c.ran) {
            c.ran = true;
            c.draws = e.draws;
            c.known = true;
            c.footprint = fp;
            if (!node.frozen) addVariants(node, c, stepBounds.toArray());
        }
        depth++;
    }

    /** Siblings for every other value of the draws from {@code c.variantsFrom} on, right after {@code c}. */
    private static void addVariants(Node node, WuNode c, int[] bounds) {
        int at = node.wut.indexOf(c) + 1;
        for (int k = c.variantsFrom; k < c.draws.length; k++) {
            for (int v = 0; v < bounds[k]; v++) {
                if (v == c.draws[k]) continue;
                int[] prefix = Arrays.copyOf(c.draws, k + 1);
                prefix[k] = v;
                node.wut.add(at++, new WuNode(c.task, prefix, false, null, k + 1));
            }
        }
    }

    private void setupVariants() {
        setupVariantsDone = true;
        int[] d = setupDraws.toArray();
        int[] b = setupBounds.toArray();
        for (int k = setupFrom; k < d.length; k++) {
            for (int v = d[k] + 1; v < b[k]; v++) {
                int[] prefix = Arrays.copyOf(d, k + 1);
                prefix[k] = v;
                setupPending.push(prefix);
                setupPendingFrom.push(k + 1);
            }
        }
    }

    @Override
    public void endExecution(boolean violated) {
        if (depth == 0 && !setupVariantsDone) setupVariants();
        analyse(violated);
    }

    // ---------------------------------------------------------------- races

    /**
     * Race detection over the execution just ended (its first {@code depth} events; an abandoned choice left
     * no event). Only pairs whose second event is new in this execution are examined: the others were
     * examined in the execution that first ran them.
     */
    private void analyse(boolean truncated) {
        int n = depth;
        if (n == 0) return;
        Event[] ev = new Event[n];
        for (int i = 0; i < n; i++) ev[i] = path.get(i).taken;
        ev[n - 1].fails = truncated;
        if (truncated) path.get(n - 1).current.fails = true;
        int words = (n + 63) >>> 6;
        long[][] hb = new long[n][];
        List<int[]> found = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            long[] h = new long[words];
            hb[j] = h;
            Event b = ev[j];
            for (int i = j - 1; i >= 0; i--) {
                if ((h[i >>> 6] & (1L << i)) != 0) continue;
                Event a = ev[i];
                if (!dependent(a, b)) continue;
                // scanning downwards, a dependent event not yet ordered before j is a direct predecessor
                long[] hi = hb[i];
                for (int w = 0; w < words; w++) h[w] |= hi[w];
                h[i >>> 6] |= 1L << i;
                if (j >= firstNew && a.task != b.task && reversible(a, b)) found.add(new int[] {i, j});
            }
        }
        for (int[] r : found) {
            int i = r[0];
            races++;
            // notdep(e, E).e': the events after e that do not happen after it, then e'
            List<Event> v = new ArrayList<>();
            for (int k = i + 1; k < n; k++) if ((hb[k][i >>> 6] & (1L << i)) == 0) v.add(ev[k]);
            v.add(ev[r[1]].moved());
            insert(i, v);
        }
        if (truncated) {
            // the run stopped at its failure: the failing step is dependent with every other runnable task
            Event f = ev[n - 1];
            for (int q : f.runnable) if (q != f.task) insertPending(n - 1, q);
        }
        for (int d = 0; d < n; d++) if (path.get(d).current.pending != null) placePending(d);
    }

    private static boolean reversible(Event a, Event b) {
        if (b.enabledBy == a.index) return false;
        return !(b.byClock() && a.index < b.clockSteps);
    }

    /** Inserts sequence {@code v} into the wake-up tree before event {@code i}, unless it is covered. */
    private void insert(int i, List<Event> v) {
        Node node = path.get(i);
        if (node.frozen) return; // another part of the split search starts with that alternative
        if (covered(node, v)) return;
        place(node, new ArrayList<>(v), v.getLast());
    }

    /** A sleeper or a step explored at {@code node} stands for sequence {@code v} from there. */
    private boolean covered(Node node, List<Event> v) {
        boolean[] initial = initials(v);
        for (Sleeper s : node.sleep) if (weakInitial(s, v, initial)) return true;
        for (Sleeper s : node.slept) if (weakInitial(s, v, initial)) return true;
        // a task explored here is explored with every variant of its step: an initial of it is covered
        for (WuNode d : node.done) if (initialIndex(d, v, initial) >= 0) return true;
        return false;
    }

    /**
     * Puts {@code w} into the wake-up tree of {@code node}, beside the child being explored there. A child
     * that has not run and whose footprint is a guess ({@link WuNode#guessed}) cannot say whether it starts w;
     * if no other child takes w, w waits on it ({@link WuNode#pending}) and is placed once it has run.
     */
    private void place(Node node, List<Event> w, Event guess) {
        boolean[] initial = initials(w);
        List<WuNode> children = node.wut;
        boolean top = true;
        while (true) {
            WuNode into = null;
            int intoIdx = -1;
            WuNode undecided = null;
            for (int ci = 0; ci < children.size() && into == null; ci++) {
                WuNode c = children.get(ci);
                if (top && c == node.current) continue;
                int idx = initialIndex(c, w, initial);
                if (idx >= 0) {
                    // the task's step is an initial of w; a variant with the very same draws is the better match
                    into = c;
                    intoIdx = idx;
                    for (int cj = ci; cj < children.size(); cj++) {
                        WuNode o = children.get(cj);
                        if (o.task == c.task && !(top && o == node.current) && o.sameDraws(w.get(idx))) {
                            into = o;
                            break;
                        }
                    }
                } else if (c.footprint != null && !occurs(c.task, w) && independentOfAll(c, w)) {
                    into = c;
                } else if (undecided == null && c.guessed && !c.ran && occurs(c.task, w)) {
                    undecided = c;
                }
            }
            if (into == null && undecided != null) {
                if (undecided.pending == null) undecided.pending = new ArrayList<>(1);
                undecided.pending.add(new Pending(w, guess));
                return;
            }
            if (into == null) {
                WuNode parent = null;
                for (Event e : w) {
                    WuNode x = new WuNode(e.task, e.draws, true, e.footprint, 0);
                    x.fails = e.fails;
                    x.guessed = e == guess;
                    if (parent == null) children.add(x);
                    else parent.children.add(x);
                    parent = x;
                }
                return;
            }
            if (intoIdx >= 0) {
                w.remove(intoIdx);
                initial = initials(w);
            }
            // The paper stops at a leaf (following it finds the rest). With footprints that depend on what a step
            // reads, it may not: the free choice after the leaf can run a step that changes what a later step of
            // w reads, and the race that w reverses never shows again (dpor lost traces of random programs whose
            // steps branch on a read). The rest goes below the leaf: the leaf still runs once, now followed by w.
            if (w.isEmpty()) return;
            children = into.children;
            top = false;
        }
    }

    /**
     * The child explored at depth {@code d} has run: the sequences that waited on it are placed now that its
     * footprint is exact. One it starts goes on below it, along this execution's path; one it does not
     * start is placed beside it. Either way the coverage checks of the node it reaches apply first.
     */
    private void placePending(int d) {
        WuNode c = path.get(d).current;
        List<Pending> ws = c.pending;
        c.pending = null;
        for (Pending p : ws) placeAlongPath(d, p.w(), p.guess());
    }

    private void placeAlongPath(int d, List<Event> w, Event guess) {
        Node node = path.get(d);
        if (node.frozen || covered(node, w)) return;
        WuNode c = node.current;
        int idx = initialIndex(c, w, initials(w));
        if (idx >= 0 && c.sameDraws(w.get(idx))) {
            List<Event> rest = new ArrayList<>(w);
            rest.remove(idx);
            if (rest.isEmpty()) return; // w is the path's own step here: this execution ran it
            if (d + 1 < depth) {
                placeAlongPath(d + 1, rest, guess);
                return;
            }
        }
        if (!occurs(c.task, w) && independentOfAll(c, w) && d + 1 < depth) {
            // it commutes with all of w: w's trace is reached below it
            placeAlongPath(d + 1, w, guess);
            return;
        }
        place(node, w, guess);
    }

    /**
     * Drops the wake-up tree children of {@code n} whose task sleeps there. A sleeper's footprint is exact
     * and it stayed asleep only past steps it commutes with, so every run that takes its step here is
     * equivalent to one already explored (or being explored) where it was put to sleep; the child's subtree
     * holds only such runs. Such a child exists only because it was placed, under an ancestor, with a
     * guessed footprint (the e' of a race) that conflicted where the exact one commutes — the paper's
     * insertion never puts a sleeping task into a tree. Left in, it completed traces twice (the drain cells:
     * 2 304 executions for 2 112 traces). Sequences that waited on it are placed here unless covered.
     */
    private void dropAsleep(Node n) {
        if (n.frozen) return;
        for (int i = 0; i < n.wut.size(); ) {
            WuNode c = n.wut.get(i);
            if (c == n.current || c.ran || !n.asleep(c.task)) {
                i++;
                continue;
            }
            n.wut.remove(i);
            asleepDropped++;
            if (c.pending == null) continue;
            List<Pending> ws = c.pending;
            c.pending = null;
            for (Pending p : ws) if (!covered(n, p.w())) place(n, p.w(), p.guess());
        }
    }

    /** A child dropped without running: what waited on it is placed beside it instead. */
    private void dropped(Node node, WuNode c) {
        if (c.pending == null) return;
        List<Pending> ws = c.pending;
        c.pending = null;
        for (Pending p : ws) place(node, p.w(), p.guess());
    }

    /** For each event of {@code w}: whether it is its task's first there and depends on nothing before it. */
    private boolean[] initials(List<Event> w) {
        int n = w.size();
        boolean[] out = new boolean[n];
        for (int k = 0; k < n; k++) {
            Event e = w.get(k);
            boolean ok = true;
            for (int m = 0; m < k && ok; m++) if (dependentInSequence(w.get(m), e)) ok = false;
            out[k] = ok;
        }
        return out;
    }

    /** After a failing step: the pending step of runnable task {@code q} goes before it (unless covered). */
    private void insertPending(int i, int q) {
        Node node = path.get(i);
        if (node.frozen) return;
        if (node.asleep(q)) return;
        for (WuNode c : node.wut) if (c.task == q) return;
        for (WuNode d : node.done) if (d.task == q) return;
        node.wut.add(new WuNode(q, new int[0], false, null, 0));
    }

    /** Index in {@code w} of the first event of {@code task} if it is an initial of w; else -1. */
    private static int initialIndex(int task, List<Event> w, boolean[] initial) {
        for (int k = 0; k < w.size(); k++) if (w.get(k).task == task) return initial[k] ? k : -1;
        return -1;
    }

    /**
     * Index in {@code w} of the first event of {@code c}'s task if c is an initial of w; else -1. Once c has
     * run here with the draws w's event has, its footprint is exact for this state, and it is what its task
     * runs at that point of w if it commutes with the events w runs before it. w's own copy of the event is
     * not always exact: the last event of a race's sequence was recorded after the step it is now moved
     * before, and a step whose waits or branches read that step's writes touches other objects without it.
     */
    private int initialIndex(WuNode c, List<Event> w, boolean[] initial) {
        for (int k = 0; k < w.size(); k++) {
            if (w.get(k).task != c.task) continue;
            if (!c.ran || !c.sameDraws(w.get(k))) return initial[k] ? k : -1;
            if (c.fails) return k == 0 ? k : -1;
            for (int m = 0; m < k; m++) if (conflictsInSequence(c.footprint, w.get(m))) return -1;
            return k;
        }
        return -1;
    }

    /** Sleeper {@code s} is a weak initial of {@code v}: v can start with it, or it commutes with all of v. */
    private boolean weakInitial(Sleeper s, List<Event> v, boolean[] initial) {
        for (int k = 0; k < v.size(); k++) {
            if (v.get(k).task != s.task) continue;
            // the sleeper's own step (every variant of it) is what its task runs here, and runs unchanged at
            // that point of v if it commutes with what v runs before it; v's copy may have been recorded elsewhere
            if (s.fails) return k == 0;
            for (int m = 0; m < k; m++) if (conflictsInSequence(s.footprint, v.get(m))) return false;
            return true;
        }
        if (s.fails) return false;
        for (Event e : v) if (conflictsInSequence(s.footprint, e)) return false;
        return true;
    }

    private static boolean occurs(int task, List<Event> w) {
        for (Event e : w) if (e.task == task) return true;
        return false;
    }

    /** Whether child {@code c} (of another task than any in w) commutes with every event of w. */
    private boolean independentOfAll(WuNode c, List<Event> w) {
        if (c.fails || (c.guessed && !c.ran)) return false; // its recorded footprint is a guess until it runs
        for (Event e : w) if (conflictsInSequence(c.footprint, e)) return false;
        return true;
    }

    /**
     * Whether an exact footprint {@code f} of another task's step conflicts with sequence event {@code e}: a
     * guessed event (a race's moved step) may touch other objects where it now runs, so it conflicts with
     * everything — taking its recorded footprint could judge a sleeper to cover a trace that the moved step,
     * branching on what it reads there, leaves (a lost trace); the cost is a run that sleep sets block.
     */
    private boolean conflictsInSequence(Footprint f, Event e) {
        return e.fails || e.guessed || conflicts(f, e.footprint);
    }

    // ---------------------------------------------------------------- dependency

    /** Dependency of two events of the current execution, {@code a} first. */
    private boolean dependent(Event a, Event b) {
        // the step that made b's task runnable is ordered before it even if their footprints missed it
        if (a.task == b.task || b.fails || b.enabledBy == a.index) return true;
        if (b.byClock() && a.index < b.clockSteps) return true;
        return conflicts(a.footprint, b.footprint);
    }

    /**
     * Dependency of two events placed in a sequence out of their execution. Every event of such a sequence,
     * and every sleeper and wake-up tree child it is weighed against, belongs to the epoch of the node it is
     * inserted at (see the class comment), so a step the clock resumed is an ordinary step there.
     */
    private boolean dependentInSequence(Event a, Event b) {
        if (a.task == b.task || a.fails || b.fails || a.guessed || b.guessed) return true;
        return conflicts(a.footprint, b.footprint);
    }

    private boolean independent(Sleeper s, Event e) {
        if (s.fails) return false;
        return !conflicts(s.footprint, e.footprint);
    }

    /** Conflicting footprints, or both change what the oracles watch (their order decides what the oracles see). */
    private boolean conflicts(Footprint a, Footprint b) {
        if (a.conflictsWith(b)) return true;
        return !observed.isEmpty() && writesObserved(a) && writesObserved(b);
    }

    private boolean writesObserved(Footprint f) {
        for (int i = 0; i < f.writeCount(); i++) if (observed.readsObject(f.writeAt(i))) return true;
        for (int i = 0; i < f.updateCount(); i++) if (observed.readsObject(f.updateAt(i))) return true; // commuting updates still pass through states the oracles see
        return false;
    }

    @Override
    public boolean exhausted() {
        return exhausted && cuts == 0;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }

    private static Footprint copy(Footprint f) {
        return Footprint.union(null, f);
    }

    /** A growable int list without boxing. */
    private static final class IntList {
        private int[] a = new int[4];
        private int n;

        void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int size() {
            return n;
        }

        void clear() {
            n = 0;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
