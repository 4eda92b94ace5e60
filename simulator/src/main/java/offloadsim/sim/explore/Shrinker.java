package offloadsim.sim.explore;

import java.util.ArrayList;
import java.util.List;
import offloadsim.sim.trace.Schedule;
import offloadsim.sim.trace.Trace;
import offloadsim.sim.trace.TraceEntry;

/**
 * Turns a failing schedule into a smaller one that fails the same oracle: delta debugging (Zeller's
 * ddmin) over the recorded decisions, then removal of preemptions one at a time, then lowering random
 * draws to 0 (simpler choices of the program, e.g. a chaos mix's first operation kind), then moving each
 * preemption to the earliest point of its task's run where the run still fails, repeated until none
 * helps. A candidate is replayed with {@link offloadsim.sim.strategy.Replay}'s tolerant defaults and
 * kept only if it fails the same oracle and is no larger in steps, preemptions and decisions, and smaller
 * in one of them or, at equal size, in the sum of its draws or, at equal draws, in the sum of the step
 * indices of its preemptions; so the result never grows and always replays exactly (its schedule is what
 * ran). The last pass makes the result canonical as well as small: a race whose window spans several
 * await points is shown, from whichever seed it was found, paused at the window's first one (what a
 * {@link Fingerprint} relies on).
 */
public final class Shrinker {

    /**
     * @param original the failing run as given
     * @param shrunk   the smallest failing run found, recorded at full trace level
     * @param attempts replays tried
     */
    public record Result(RunResult original, RunResult shrunk, int attempts) {
        public boolean improved() {
            return shrunk.steps() < original.steps() || shrunk.preemptions() < original.preemptions()
                    || shrunk.schedule().decisions().size() < original.schedule().decisions().size();
        }
    }

    private final Program program;
    private final RunOptions options;
    private final int maxAttempts;
    private final String oracle;
    private RunResult current;
    private int attempts;

    private Shrinker(Program program, RunOptions options, int maxAttempts, RunResult start) {
        this.program = program;
        this.options = options.withTrace(Trace.Level.FULL);
        this.maxAttempts = maxAttempts;
        this.oracle = start.outcome().oracle();
        this.current = start;
    }

    /** Shrinks {@code failing}; IllegalArgumentException if it does not fail. At most {@code maxAttempts} replays. */
    public static Result shrink(Program program, Schedule failing, RunOptions options, int maxAttempts) {
        if (maxAttempts < 0) throw new IllegalArgumentException("shrink attempt budget must not be negative: " + maxAttempts);
        RunResult start = Explorer.replay(program, failing, options);
        if (!start.outcome().isFailure()) throw new IllegalArgumentException("the schedule does not fail: " + start.outcome().summary());
        Shrinker s = new Shrinker(program, options, maxAttempts, start);
        boolean progress = true;
        while (progress && s.attempts < maxAttempts) progress = s.ddmin() | s.removePreemptions() | s.lowerDraws() | s.earlierPreemptions();
        return new Result(start, s.current, s.attempts);
    }

    /** ddmin over the decision list: try dropping each of n chunks; on success coarsen, else refine. */
    private boolean ddmin() {
        boolean any = false;
        int n = 2;
        while (attempts < maxAttempts) {
            List<Schedule.Decision> ds = current.schedule().decisions();
            if (ds.size() < 2) break;
            n = Math.min(n, ds.size());
            boolean reduced = false;
            for (int i = 0; i < n && attempts < maxAttempts; i++) {
                int from = ds.size() * i / n;
                int to = ds.size() * (i + 1) / n;
                List<Schedule.Decision> candidate = new ArrayList<>(ds.subList(0, from));
                candidate.addAll(ds.subList(to, ds.size()));
                if (tryCandidate(candidate)) {
                    reduced = true;
                    any = true;
                    n = Math.max(n - 1, 2);
                    break;
                }
            }
            if (!reduced) {
                if (n >= ds.size()) break;
                n = Math.min(ds.size(), n * 2);
            }
        }
        return any;
    }

    /** For each preempting pick, from the last back, try letting the running task continue instead. */
    private boolean removePreemptions() {
        boolean any = false;
        List<int[]> preemptive = preemptivePicks(current);
        for (int k = preemptive.size() - 1; k >= 0 && attempts < maxAttempts; k--) {
            int[] p = preemptive.get(k);
            List<Schedule.Decision> candidate = new ArrayList<>(current.schedule().decisions());
            if (p[0] >= candidate.size()) continue;
            candidate.set(p[0], new Schedule.TaskPick(p[1]));
            if (tryCandidate(candidate)) {
                any = true;
                preemptive = preemptivePicks(current);
                k = preemptive.size();
            }
        }
        return any;
    }

    /** Each nonzero draw, from the last back, set to 0. */
    private boolean lowerDraws() {
        boolean any = false;
        for (int i = current.schedule().decisions().size() - 1; i >= 0 && attempts < maxAttempts; i--) {
            List<Schedule.Decision> ds = current.schedule().decisions();
            if (i >= ds.size() || !(ds.get(i) instanceof Schedule.DataPick(int v)) || v == 0) continue;
            List<Schedule.Decision> candidate = new ArrayList<>(ds);
            candidate.set(i, new Schedule.DataPick(0));
            if (tryCandidate(candidate)) any = true;
        }
        return any;
    }

    /**
     * For each preemption, from the first on: switch one choice point earlier, at the point where the
     * preempted task last continued or was picked without preempting anyone (the task that preempted it
     * then runs from there); repeated while the run still fails.
     */
    private boolean earlierPreemptions() {
        boolean any = false;
        for (int k = 0; attempts < maxAttempts; k++) {
            List<int[]> sites = earlierSites(current);
            if (k >= sites.size()) break;
            int[] site = sites.get(k);
            if (site[1] < 0) continue;
            List<Schedule.Decision> ds = current.schedule().decisions();
            // the preempting task runs from the earlier point on; or the two picks trade places (the preempting
            // task's step first, then the preempted one's), which keeps the later picks aligned
            List<Schedule.Decision> moved = new ArrayList<>(ds);
            moved.set(site[1], ds.get(site[0]));
            List<Schedule.Decision> swapped = new ArrayList<>(moved);
            swapped.set(site[0], ds.get(site[1]));
            if (tryCandidate(moved) || attempts < maxAttempts && tryCandidate(swapped)) {
                any = true;
                k--;
            }
        }
        return any;
    }

    /**
     * (decision index of the preempting pick, decision index of the latest earlier pick in the same run of
     * the preempted task where it continued or began without a preemption, or -1) of every preemption.
     */
    private static List<int[]> earlierSites(RunResult run) {
        List<Schedule.Decision> ds = run.schedule().decisions();
        List<int[]> out = new ArrayList<>();
        int cursor = 0;
        int previousTask = -1;
        int continuedAt = -1; // decision index where the running task last continued by choice, in its current run
        for (TraceEntry e : run.trace().entries()) {
            if (!(e instanceof TraceEntry.Step s)) continue;
            int decision = -1;
            if (s.choices() > 1) {
                while (cursor < ds.size() && !(ds.get(cursor) instanceof Schedule.TaskPick)) cursor++;
                if (cursor < ds.size()) decision = cursor;
                cursor++;
            }
            if (s.taskId() != previousTask) {
                if (s.preemption() && decision >= 0) out.add(new int[] {decision, continuedAt});
                // a run that began by a free pick (no task was switched away from) can begin with the preempting task instead
                continuedAt = s.preemption() ? -1 : decision;
            } else if (decision >= 0) {
                continuedAt = decision;
            }
            previousTask = s.taskId();
        }
        return out;
    }

    private static long preemptionStepSum(RunResult r) {
        long sum = 0;
        for (TraceEntry e : r.trace().entries()) if (e instanceof TraceEntry.Step s && s.preemption()) sum += s.index();
        return sum;
    }

    private static long drawSum(RunResult r) {
        long sum = 0;
        for (Schedule.Decision d : r.schedule().decisions()) if (d instanceof Schedule.DataPick(int v)) sum += v;
        return sum;
    }

    /** (decision index, task that was running) of every pick that preempted it. */
    private static List<int[]> preemptivePicks(RunResult run) {
        List<Schedule.Decision> ds = run.schedule().decisions();
        List<int[]> out = new ArrayList<>();
        // forced steps record no decision, and draws sit between the picks: walk both in order
        int cursor = 0;
        int previousTask = -1;
        for (TraceEntry e : run.trace().entries()) {
            if (!(e instanceof TraceEntry.Step s)) continue;
            if (s.choices() > 1) {
                while (cursor < ds.size() && !(ds.get(cursor) instanceof Schedule.TaskPick)) cursor++;
                if (cursor < ds.size() && s.preemption() && previousTask >= 0) out.add(new int[] {cursor, previousTask});
                cursor++;
            }
            previousTask = s.taskId();
        }
        return out;
    }

    private boolean tryCandidate(List<Schedule.Decision> decisions) {
        attempts++;
        RunResult r = Explorer.replay(program, new Schedule(current.schedule().seed(), decisions), options);
        if (!r.outcome().isFailure() || !oracle.equals(r.outcome().oracle())) return false;
        int steps = r.steps(), pre = r.preemptions(), size = r.schedule().decisions().size();
        int cSteps = current.steps(), cPre = current.preemptions(), cSize = current.schedule().decisions().size();
        if (steps > cSteps || pre > cPre || size > cSize) return false;
        if (steps == cSteps && pre == cPre && size == cSize) {
            long draws = drawSum(r), cDraws = drawSum(current);
            if (draws > cDraws || draws == cDraws && preemptionStepSum(r) >= preemptionStepSum(current)) return false;
        }
        current = r;
        return true;
    }
}
