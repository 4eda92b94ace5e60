package offloadsim.sim.det;

import java.util.ArrayList;
import java.util.List;
import jdk.internal.vm.Continuation;
import offloadsim.sim.api.TaskHandle;
import offloadsim.sim.api.Texts;

/** A task of the deterministic runtime: a continuation plus what the scheduler needs to know of it. */
final class DetTask implements TaskHandle {

    enum State { RUNNABLE, BLOCKED, DONE }

    final int id;
    final String name;
    final boolean daemon;
    final int lifecycleObject;
    final DetSim sim;
    Continuation continuation;
    State state = State.RUNNABLE;
    /** What it is blocked on (for deadlock reports), or null. */
    DetSim.WaitFor blockedOn;
    /** The yield label it resumes from. */
    String label = "start";
    /** Virtual time at which a timed wait expires, or -1. */
    long wakeAt = -1;
    boolean timedOut;
    /** Woken because virtual time reached its deadline (its next step follows every earlier step). */
    boolean resumedByClock;
    boolean started;
    /** The step that made it runnable again (woke or spawned it) since its last step, or StepRecord.RUNNABLE. */
    int enabledBy = offloadsim.sim.strategy.StepRecord.RUNNABLE;
    /** Objects this task created (the second half of their ids). */
    int objectsCreated;
    /** Synchronous (std) mutexes held: they must never be held across a yield. */
    int syncHeld;
    Throwable failure;
    final List<DetTask> joiners = new ArrayList<>(1);

    DetTask(DetSim sim, int id, String name, boolean daemon, int lifecycleObject) {
        this.sim = sim;
        this.id = id;
        this.name = name;
        this.daemon = daemon;
        this.lifecycleObject = lifecycleObject;
    }

    /** What a strategy sees of it, kept while its label stays the same (a task waits through many choices). */
    private offloadsim.sim.strategy.SchedulingPoint.TaskView view;

    offloadsim.sim.strategy.SchedulingPoint.TaskView view() {
        if (view == null || view.label() != label) view = new offloadsim.sim.strategy.SchedulingPoint.TaskView(id, name, label);
        return view;
    }

    /** The label of a join on this task, made once: joins are frequent, its text fixed. */
    private String joinLabel;

    String joinLabel() {
        if (joinLabel == null) joinLabel = Texts.join("join ", name);
        return joinLabel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void join() {
        sim.join(this);
    }

    @Override
    public boolean isDone() {
        sim.footprint().read(lifecycleObject);
        return state == State.DONE;
    }

    @Override
    public Throwable failure() {
        return failure;
    }
}
