package offloadsim.sim.explore;

import offloadsim.sim.trace.Schedule;
import offloadsim.sim.trace.Trace;

/**
 * The result of one run.
 *
 * @param outcome     how it ended
 * @param schedule    the decisions that replay it
 * @param trace       its trace (entries only if recorded at FULL level)
 * @param steps       steps executed
 * @param preemptions switches away from a task that could have continued
 * @param finalState  the oracles' description of the final state
 */
public record RunResult(Outcome outcome, Schedule schedule, Trace trace, int steps, int preemptions, String finalState) {}
