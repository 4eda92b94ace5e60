package offloadsim.sim.strategy;

/**
 * What one executed step did, for strategies that reason about independence.
 *
 * @param index     step index within the execution
 * @param taskId    the task that ran
 * @param label     the yield label it ran from
 * @param runnable  ids of the tasks that were runnable when it was chosen (ascending)
 * @param footprint shared objects read and written by the step
 * @param preemption whether choosing it preempted a runnable task
 */
public record StepRecord(int index, int taskId, String label, int[] runnable, Footprint footprint, boolean preemption) {}
