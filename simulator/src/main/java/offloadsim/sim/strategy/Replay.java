package offloadsim.sim.strategy;

import java.util.List;
import offloadsim.sim.trace.Schedule;

/**
 * Replays a recorded schedule. Where a recorded decision no longer fits (the task is not runnable, the
 * draw is out of range, or the schedule ran out), it continues with a fixed default — keep running the
 * current task, else the lowest id; draw 0 — and counts the divergence. This lets a schedule found on
 * one variant run against another, and lets shrinking try shortened schedules.
 */
public final class Replay implements Strategy {
    private final Schedule schedule;
    private int cursor;
    private int divergences;
    private boolean started;

    public Replay(Schedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public boolean beginExecution(long seed) {
        if (started) return false;
        started = true;
        cursor = 0;
        divergences = 0;
        return true;
    }

    @Override
    public int pickTask(SchedulingPoint point) {
        List<Schedule.Decision> ds = schedule.decisions();
        while (cursor < ds.size()) {
            Schedule.Decision d = ds.get(cursor++);
            if (d instanceof Schedule.TaskPick(int id)) {
                int idx = point.indexOf(id);
                if (idx >= 0) return idx;
                divergences++;
                return fallback(point);
            }
            divergences++; // a data draw where a task pick was expected: skip it
        }
        divergences++;
        return fallback(point);
    }

    private static int fallback(SchedulingPoint point) {
        if (point.currentRunnable()) {
            int idx = point.indexOf(point.current());
            if (idx >= 0) return idx;
        }
        return 0;
    }

    @Override
    public int pickInt(int bound, String label) {
        List<Schedule.Decision> ds = schedule.decisions();
        if (cursor < ds.size() && ds.get(cursor) instanceof Schedule.DataPick(int v)) {
            cursor++;
            if (v < bound) return v;
        }
        divergences++;
        return 0;
    }

    /** Decisions that did not fit and were replaced by the default. 0 means an exact replay. */
    public int divergences() {
        return divergences;
    }

    /** Whether every recorded decision was consumed. */
    public boolean consumedAll() {
        return cursor >= schedule.decisions().size();
    }
}
