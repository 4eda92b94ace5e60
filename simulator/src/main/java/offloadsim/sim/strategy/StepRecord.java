package offloadsim.sim.strategy;

/**
 * What one executed step did, for strategies that reason about independence.
 *
 * @param index      step index within the execution
 * @param taskId     the task that ran
 * @param label      the yield label it ran from
 * @param runnable   ids of the tasks that were runnable when it was chosen (ascending)
 * @param footprint  shared objects read and written by the step
 * @param preemption whether choosing it preempted a runnable task
 * @param enabledBy  the step that made the task runnable for this step (woke it or spawned it),
 *                   {@link #RUNNABLE} if it stayed runnable since its previous step, {@link #BY_CLOCK} if
 *                   virtual time woke it
 * @param clockSteps steps run before virtual time last advanced: a step the clock resumed comes after
 *                   every one of them (time moves only when no task can run)
 */
public record StepRecord(int index, int taskId, String label, int[] runnable, Footprint footprint, boolean preemption,
                         int enabledBy, int clockSteps) {

    public static final int RUNNABLE = -1;
    public static final int BY_CLOCK = -2;

    public StepRecord(int index, int taskId, String label, int[] runnable, Footprint footprint, boolean preemption) {
        this(index, taskId, label, runnable, footprint, preemption, RUNNABLE, 0);
    }
}
