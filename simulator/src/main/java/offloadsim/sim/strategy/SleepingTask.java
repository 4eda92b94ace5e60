package offloadsim.sim.strategy;

/**
 * A task whose next step is covered elsewhere (every trace that can start with it is explored in an earlier
 * branch), with what that step — every variant of its draws — touches at the node it sleeps at. It stays
 * asleep down a branch while every step run there is independent of that footprint.
 *
 * @param task      the task's id
 * @param footprint the union of its step's footprints over the step's draws
 */
public record SleepingTask(int task, Footprint footprint) {}
