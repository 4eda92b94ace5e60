package offloadsim.sim.strategy;

import java.util.List;

/**
 * A choice the scheduler has to make.
 *
 * @param runnable   the runnable tasks, ordered by task id (at least two)
 * @param current    id of the task that ran the previous step, or -1
 * @param currentRunnable whether that task could continue (switching away is then a preemption)
 * @param step       index of the step about to run
 */
public record SchedulingPoint(List<TaskView> runnable, int current, boolean currentRunnable, int step) {

    /** A runnable task: its id, name and the yield label it will resume from. */
    public record TaskView(int id, String name, String label) {}

    public int indexOf(int taskId) {
        for (int i = 0; i < runnable.size(); i++) if (runnable.get(i).id() == taskId) return i;
        return -1;
    }
}
