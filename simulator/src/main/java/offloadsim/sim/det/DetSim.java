package offloadsim.sim.det;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;
import offloadsim.sim.api.CancellationToken;
import offloadsim.sim.api.Failpoints;
import offloadsim.sim.api.Panic;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimLatch;
import offloadsim.sim.api.SimMutex;
import offloadsim.sim.api.SimNotify;
import offloadsim.sim.api.SimVar;
import offloadsim.sim.api.TaskHandle;
import offloadsim.sim.coverage.CoverageRecorder;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.explore.Violation;
import offloadsim.sim.strategy.Footprint;
import offloadsim.sim.strategy.SchedulingPoint;
import offloadsim.sim.strategy.StepRecord;
import offloadsim.sim.strategy.Strategy;
import offloadsim.sim.trace.Schedule;
import offloadsim.sim.trace.Trace;
import offloadsim.sim.api.Texts;

/**
 * The deterministic runtime: every task is a {@link Continuation} run on the calling thread, one step at
 * a time; a step runs from one scheduling point of a task to its next. At each point with a choice the
 * {@link Strategy} picks the task, and the pick is recorded. Time is virtual and moves only when no task
 * can run. One instance runs one execution.
 */
public final class DetSim implements Sim {

    private static final ContinuationScope SCOPE = new ContinuationScope("offload-sim");

    private final Strategy strategy;
    private final RunOptions options;
    private final long seed;
    private final Trace trace;
    private final List<Schedule.Decision> decisions = new ArrayList<>();
    private final List<DetTask> tasks = new ArrayList<>();
    private final Map<String, Integer> taskNameUses = new HashMap<>(); // looked up only, never iterated
    private final DetFailpoints failpoints = new DetFailpoints(this);
    private DetTask current;
    private int step;
    private int preemptions;
    private long now;
    private int setupObjects;
    private int atomicDepth;
    private Footprint footprint = new Footprint();
    private final Footprint scratch = new Footprint();
    /** The per-step oracles are running: their accesses between steps are kept for the strategy. */
    private boolean observing;
    /** Written by every spawn from a task: spawn order decides task ids and names. */
    private final int spawnObject = newObject();
    /** Hash of the values drawn by the running step. */
    private long stepData;
    /** Steps run before virtual time last advanced (a step the clock resumed comes after all of them). */
    private int clockSteps;
    /** Wall-clock deadline of this run (the monotonic clock), for the time budget. */
    private long deadline;
    /** Where tasks were suspended and between which points they switched, or null when nobody asked. */
    private final CoverageRecorder coverage;
    /** Whether the strategy reads step records: if not, none is built and one footprint serves every step. */
    private final boolean recordSteps;

    private DetSim(Strategy strategy, long seed, RunOptions options, CoverageRecorder coverage) {
        this.strategy = strategy;
        this.seed = seed;
        this.options = options;
        this.trace = new Trace(options.traceLevel());
        this.coverage = coverage;
        this.recordSteps = strategy.readsSteps();
    }

    /** Runs {@code program} once under {@code strategy}; the strategy's execution must already be begun. */
    public static RunResult run(Program program, Strategy strategy, long seed, RunOptions options) {
        return run(program, strategy, seed, options, null);
    }

    /** As {@link #run(Program, Strategy, long, RunOptions)}, adding what the run reached to {@code coverage} (may be null). */
    public static RunResult run(Program program, Strategy strategy, long seed, RunOptions options, CoverageRecorder coverage) {
        if (coverage != null) coverage.beginExecution();
        return new DetSim(strategy, seed, options, coverage).execute(program);
    }

    // ---------------------------------------------------------------- the scheduling loop

    private RunResult execute(Program program) {
        Oracles oracles;
        try {
            oracles = program.start(this);
        } catch (RuntimeException e) {
            Outcome o = new Outcome(Outcome.Kind.PANIC, "setup", describe(e), "setup", "start", 0);
            return finish(o, Oracles.NONE);
        }
        Outcome outcome = null;
        DetTask last = null;
        deadline = System.nanoTime() + options.maxMillis() * 1_000_000L; // determinism-ok: only ends a runaway run
        List<DetTask> runnable = new ArrayList<>(tasks.size() + 8);
        while (outcome == null) {
            runnable.clear();
            boolean nonDaemonLeft = false;
            for (DetTask t : tasks) {
                if (t.state == DetTask.State.RUNNABLE) runnable.add(t);
                if (!t.daemon && t.state != DetTask.State.DONE) nonDaemonLeft = true;
            }
            if (runnable.isEmpty()) {
                if (!nonDaemonLeft) break;
                if (fireEarliestTimers()) continue;
                outcome = deadlock();
                break;
            }
            boolean lastRunnable = last != null && last.state == DetTask.State.RUNNABLE;
            DetTask next;
            if (runnable.size() == 1) {
                next = runnable.getFirst();
                if (strategy.pruneSoleRunnable(next.id)) {
                    outcome = Outcome.pruned(step);
                    break;
                }
            } else {
                List<SchedulingPoint.TaskView> views = new ArrayList<>(runnable.size());
                for (DetTask t : runnable) views.add(t.view());
                int idx = strategy.pickTask(new SchedulingPoint(views, last == null ? -1 : last.id, lastRunnable, step));
                if (idx == Strategy.PRUNE) {
                    outcome = Outcome.pruned(step);
                    break;
                }
                if (idx < 0 || idx >= runnable.size())
                    throw new IllegalStateException(strategy.name() + " picked task index " + idx + " of " + runnable.size());
                next = runnable.get(idx);
                decisions.add(new Schedule.TaskPick(next.id));
            }
            boolean preempt = lastRunnable && next != last;
            if (coverage != null && last != null && next != last && last.state != DetTask.State.DONE) coverage.switched(last.id, next.id);
            if (preempt) preemptions++;
            int[] runnableIds = null;
            if (recordSteps) {
                runnableIds = new int[runnable.size()];
                for (int i = 0; i < runnableIds.length; i++) runnableIds[i] = runnable.get(i).id;
            }
            String label = next.label;
            trace.step(step, next.id, next.name, label, runnable.size(), preempt);
            if (recordSteps) footprint = new Footprint(); // the record keeps it
            else footprint.clear(); // read only by the trace's hasher, right after the step
            stepData = 0;
            current = next;
            if (!next.started) {
                next.started = true;
                footprint.read(next.lifecycleObject); // after the spawn that created it
            }
            next.continuation.run();
            current = null;
            trace.stepDone(next.id, footprint, next.resumedByClock, stepData);
            int enabledBy = next.resumedByClock ? StepRecord.BY_CLOCK : next.enabledBy;
            next.resumedByClock = false;
            next.enabledBy = StepRecord.RUNNABLE;
            if (recordSteps) strategy.afterStep(new StepRecord(step, next.id, label, runnableIds, footprint, preempt, enabledBy, clockSteps));
            last = next;
            step++;
            if (next.failure != null) {
                Throwable f = next.failure;
                outcome = new Outcome(Outcome.Kind.PANIC, f instanceof Panic ? "panic" : "exception", describe(f), next.name, next.label, step - 1);
            } else if (step >= options.maxSteps()) {
                outcome = new Outcome(Outcome.Kind.STEP_BUDGET, "step-budget", "run exceeded " + options.maxSteps() + " steps", next.name, next.label, step - 1);
            } else if ((step & 15) == 0 && System.nanoTime() - deadline > 0) { // determinism-ok: a runaway run's only way out
                outcome = new Outcome(Outcome.Kind.STEP_BUDGET, "time-budget", "run exceeded " + options.maxMillis() + " ms of wall time after " + step + " steps", next.name, next.label, step - 1);
            } else {
                scratch.clear();
                observing = true;
                Violation v;
                try {
                    v = oracles.afterStep();
                } finally {
                    observing = false;
                }
                if (recordSteps && !scratch.isEmpty()) strategy.oracleObserved(scratch);
                if (v != null) outcome = new Outcome(Outcome.Kind.VIOLATION, v.oracle(), v.message(), next.name, next.label, step - 1);
            }
        }
        if (outcome == null) {
            Violation v = oracles.atQuiescence();
            outcome = v == null ? Outcome.ok(step) : new Outcome(Outcome.Kind.VIOLATION, v.oracle(), v.message(), null, null, step);
        }
        return finish(outcome, oracles);
    }

    private RunResult finish(Outcome outcome, Oracles oracles) {
        String finalState;
        try {
            finalState = oracles.finalState();
        } catch (RuntimeException e) {
            finalState = "unavailable: " + describe(e);
        }
        event("outcome", outcome.summary());
        strategy.endExecution(outcome.isFailure());
        return new RunResult(outcome, new Schedule(seed, decisions), trace, step, preemptions, finalState);
    }

    /** Advances virtual time to the earliest timed wait and wakes the tasks due then. */
    private boolean fireEarliestTimers() {
        long earliest = Long.MAX_VALUE;
        for (DetTask t : tasks) if (t.state == DetTask.State.BLOCKED && t.wakeAt >= 0) earliest = Math.min(earliest, t.wakeAt);
        if (earliest == Long.MAX_VALUE) return false;
        now = Math.max(now, earliest);
        trace.clockAdvanced();
        clockSteps = step;
        for (DetTask t : tasks) {
            if (t.state == DetTask.State.BLOCKED && t.wakeAt >= 0 && t.wakeAt <= now) {
                t.timedOut = true;
                t.resumedByClock = true;
                wake(t);
            }
        }
        return true;
    }

    private Outcome deadlock() {
        StringBuilder sb = new StringBuilder("no task can run:");
        DetTask first = null;
        for (DetTask t : tasks) {
            if (t.state == DetTask.State.BLOCKED && !t.daemon) {
                if (first == null) first = t;
                sb.append(' ').append(t.name).append(" waits for ").append(t.blockedOn).append(';');
            }
        }
        sb.setLength(sb.length() - 1);
        return new Outcome(Outcome.Kind.DEADLOCK, "deadlock", sb.toString(), first.name, first.label, step);
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t instanceof Panic ? m : t.getClass().getName() + (m == null ? "" : ": " + m);
    }

    // ---------------------------------------------------------------- used by the primitives

    DetTask requireTask(String what) {
        if (current == null) throw new IllegalStateException(what + " outside a task");
        return current;
    }

    /** {@link #requireTask(String)} for "{@code verb} {@code subject}", concatenated only for the error. */
    DetTask requireTask(String verb, String subject) {
        if (current == null) throw new IllegalStateException(verb + " " + subject + " outside a task");
        return current;
    }

    DetTask currentTask() {
        return current;
    }

    /**
     * The running step's footprint; accesses made between steps go to a scratch one, which only the per-step
     * oracles' accesses reach the strategy from. Any other time (set-up, which touches every object it makes,
     * and the end-of-run oracles) nobody reads it: it is emptied at each access rather than grown and searched.
     */
    Footprint footprint() {
        if (current != null) return footprint;
        if (!observing) scratch.clear();
        return scratch;
    }

    /**
     * A fresh object id, numbered per creating task (or set-up) rather than globally: equivalent runs then
     * give the same object the same id whatever order independent tasks allocated in, so a step's
     * footprint recorded in one branch of a search still names the right objects in another.
     */
    int newObject() {
        int owner = current == null ? 0 : current.id + 1;
        int nth = current == null ? setupObjects++ : current.objectsCreated++;
        if (owner >= 1 << 11 || nth >= 1 << 20) throw new IllegalStateException("object ids exhausted: task " + owner + " created " + nth + " objects");
        return owner << 20 | nth;
    }

    /**
     * The id of an object known by name rather than by who created it (failpoints are created lazily by
     * whichever task reaches them first): the same in every run. Colliding names only add conflicts.
     */
    int namedObject(String name) {
        int id = Integer.MIN_VALUE | (name.hashCode() & Integer.MAX_VALUE);
        return id == NO_OBJECT ? NO_OBJECT - 1 : id;
    }

    /** For {@link #block}: a wait on nothing but the clock. Never an object id (named ids are negative too). */
    static final int NO_OBJECT = -1;

    long now() {
        return now;
    }

    /** Ends the current step: the task stays runnable and resumes from {@code label}. */
    void switchOut(String label) {
        DetTask t = requireTask("yield at", label);
        if (atomicDepth > 0) throw new IllegalStateException("yield at " + label + " inside an atomic section");
        if (t.syncHeld > 0) throw new IllegalStateException("task " + t.name + " yields at " + label + " while holding a synchronous mutex");
        t.label = label;
        if (coverage != null) coverage.suspended(t.id, label);
        Continuation.yield(SCOPE);
    }

    /** Blocks the current task until {@link #wake}; with {@code timeoutNanos >= 0} also until then. */
    boolean block(String on, int object, String label, long timeoutNanos) {
        return block(new WaitFor(on, null, null), object, label, timeoutNanos);
    }

    /**
     * What a blocked task waits for, for deadlock reports: {@code what}, then {@code name} and {@code detail}
     * when given, joined by spaces. Kept in parts and joined only when a report needs it: most waits end.
     */
    record WaitFor(String what, String name, String detail) {
        @Override
        public String toString() {
            return name == null ? what : detail == null ? what + " " + name : what + " " + name + " " + detail;
        }
    }

    boolean block(WaitFor on, int object, String label, long timeoutNanos) {
        if (current == null) throw new IllegalStateException("blocking on " + on + " outside a task");
        DetTask t = current;
        t.state = DetTask.State.BLOCKED;
        t.blockedOn = on;
        t.timedOut = false;
        t.wakeAt = timeoutNanos >= 0 ? now + timeoutNanos : -1;
        switchOut(label);
        // resumed, in a new step: it comes after the step that woke it, which wrote the object
        if (object != NO_OBJECT) footprint.read(object);
        boolean timedOut = t.timedOut;
        t.timedOut = false;
        return !timedOut;
    }

    void wake(DetTask t) {
        if (t.state != DetTask.State.BLOCKED) return;
        t.enabledBy = current != null ? step : StepRecord.RUNNABLE;
        t.state = DetTask.State.RUNNABLE;
        t.blockedOn = null;
        t.wakeAt = -1;
    }

    void join(DetTask target) {
        DetTask me = requireTask("join");
        footprint.read(target.lifecycleObject);
        if (target.state == DetTask.State.DONE) return;
        if (target == me) throw new IllegalStateException("task " + me.name + " joins itself");
        target.joiners.add(me);
        block(new WaitFor("task", target.name, "to end"), target.lifecycleObject, target.joinLabel(), -1);
    }

    // ---------------------------------------------------------------- Sim

    @Override
    public TaskHandle spawn(String name, Runnable body) {
        return spawn(name, body, false);
    }

    @Override
    public TaskHandle spawnDaemon(String name, Runnable body) {
        return spawn(name, body, true);
    }

    private TaskHandle spawn(String name, Runnable body, boolean daemon) {
        int uses = taskNameUses.merge(name, 1, Integer::sum);
        String unique = uses == 1 ? name : Texts.join(Texts.join(name, "#"), uses);
        DetTask t = new DetTask(this, tasks.size(), unique, daemon, newObject());
        if (current != null) {
            footprint.write(spawnObject);
            footprint.write(t.lifecycleObject);
            t.enabledBy = step;
        }
        t.continuation = new Continuation(SCOPE, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                t.failure = e;
            } finally {
                t.state = DetTask.State.DONE;
                footprint.write(t.lifecycleObject);
                for (DetTask j : t.joiners) wake(j);
                t.joiners.clear();
            }
        });
        tasks.add(t);
        event("spawn", unique);
        return t;
    }

    @Override
    public void yieldPoint(String label) {
        switchOut(label);
    }

    @Override
    public void preemptionPoint(String label) {
        if (options.preemptive()) switchOut(label);
    }

    @Override
    public SimMutex mutex(String name, boolean async) {
        return new DetMutex(this, name, async, newObject());
    }

    @Override
    public SimLatch latch(String name) {
        return new DetLatch(this, name, newObject());
    }

    @Override
    public SimNotify notify(String name) {
        return new DetNotify(this, name, newObject());
    }

    @Override
    public <T> SimVar<T> var(String name, T initial) {
        return new DetVar<>(this, name, initial, newObject());
    }

    @Override
    public CancellationToken cancellationToken(String name) {
        return new DetCancellationToken(this, name);
    }

    @Override
    public long nowNanos() {
        return now;
    }

    @Override
    public void sleep(long nanos, String label) {
        if (nanos <= 0) {
            switchOut(label);
            return;
        }
        block(new WaitFor("the clock", Texts.join("(", nanos), "ns)"), NO_OBJECT, label, nanos);
    }

    @Override
    public int nextInt(int bound, String label) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive: " + bound);
        int v = strategy.pickInt(bound, label);
        if (v < 0 || v >= bound) throw new IllegalStateException(strategy.name() + " drew " + v + " outside [0," + bound + ")");
        decisions.add(new Schedule.DataPick(v));
        stepData = stepData * 31 + v + 1;
        return v;
    }

    @Override
    public void failpoint(String name) {
        if (coverage != null) coverage.failpointNamed(name);
        failpoints.reach(name);
    }

    @Override
    public Failpoints failpoints() {
        return failpoints;
    }

    @Override
    public void event(String kind, String detail) {
        trace.event(step, current == null ? "main" : current.name, kind, detail);
    }

    @Override
    public String currentTaskName() {
        return current == null ? "main" : current.name;
    }

    @Override
    public <T> T atomically(Supplier<T> action) {
        atomicDepth++;
        try {
            return action.get();
        } finally {
            atomicDepth--;
        }
    }

    /** The step about to run or running (for primitives that log). */
    int step() {
        return step;
    }

    Trace trace() {
        return trace;
    }
}
