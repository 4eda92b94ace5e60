package offloadsim.scenarios.shrink;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import offloadsim.model.OpResult;
import offloadsim.model.Variant;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.model.spec.WorldSpec;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.TaskSpec;
import offloadsim.scenarios.catalog.ChaosMix;
import offloadsim.scenarios.expect.AnswerExpectation;
import offloadsim.scenarios.explore.StrategySpec;
import offloadsim.scenarios.ops.Op;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.explore.Shrinker;
import offloadsim.sim.trace.Schedule;

/**
 * Shrinks a failing scenario as a program, then as a schedule: delta debugging over the program removes
 * whole tasks, single operations and leaf timelines, and clears timelines' archived/offloaded flags, one
 * candidate at a time until none is accepted; a candidate is accepted when some schedule of it fails the
 * same oracle (the current schedule replayed leniently first, then random walks up to a budget). Then
 * {@link Shrinker} shrinks that schedule. The result can be saved as a scenario file with its pinned
 * schedule and, per op, the answer it gave in the failing run as its expectation.
 */
public final class ProgramShrinker {

    /**
     * @param original         the scenario as given
     * @param shrunk           the smallest program found, with its pinned schedule and observed answers as expectations
     * @param run              the failing run of {@code shrunk} (full trace)
     * @param schedule         the schedule shrinking's result
     * @param programAttempts  candidate programs tried
     * @param programRuns      runs spent looking for a failing schedule of candidate programs
     */
    public record Result(StaticScenario original, StaticScenario shrunk, RunResult run, Shrinker.Result schedule,
                         int programAttempts, long programRuns) {}

    /** A chaos run as a static scenario: the mix its schedule's first draws generate, and the rest of the schedule. */
    public record Converted(StaticScenario scenario, Schedule schedule) {}

    private final Variant variant;
    private final String oracle;
    private final int runsPerCandidate;
    private StaticScenario current;
    private Schedule currentSchedule;
    private int attempts;
    private long runs;

    private ProgramShrinker(Variant variant, String oracle, int runsPerCandidate, StaticScenario start, Schedule schedule) {
        this.variant = variant;
        this.oracle = oracle;
        this.runsPerCandidate = runsPerCandidate;
        this.current = start;
        this.currentSchedule = schedule;
    }

    /**
     * Rebuilds the operation mix of an {@code archival-chaos} run from its schedule (the mix is drawn before
     * any task runs, so its draws lead the schedule) and returns it as a scenario with the remaining decisions.
     */
    public static Converted fromChaos(Schedule chaos, String name) {
        List<Schedule.Decision> ds = chaos.decisions();
        int[] cursor = {0};
        IntUnaryOperator draw = n -> {
            // what Replay answers a draw: the recorded value if it is a draw within bounds, else 0
            if (cursor[0] < ds.size() && ds.get(cursor[0]) instanceof Schedule.DataPick(int v)) {
                cursor[0]++;
                return v < n ? v : 0;
            }
            return 0;
        };
        ChaosMix mix = ChaosMix.generate(draw);
        StaticScenario s = new StaticScenario(name, "an archival-chaos mix (seed " + chaos.seed() + ")", mix.world(), mix.tasks(),
                java.util.Map.of(), Set.of(), RunOptions.defaults());
        return new Converted(s, chaos.withDecisions(ds.subList(cursor[0], ds.size())));
    }

    /**
     * Shrinks {@code s}'s failing {@code schedule} on {@code variant}; IllegalArgumentException if it does not fail.
     *
     * @param runsPerCandidate random walks tried per candidate program when the current schedule does not carry over
     * @param scheduleAttempts replays for the schedule-shrinking phase
     */
    public static Result shrink(StaticScenario s, Variant variant, Schedule schedule, int runsPerCandidate, int scheduleAttempts) {
        RunResult start = Explorer.replay(s.program(variant), schedule, s.runOptions());
        if (!start.outcome().isFailure()) throw new IllegalArgumentException("the schedule does not fail: " + start.outcome().summary());
        ProgramShrinker p = new ProgramShrinker(variant, start.outcome().oracle(), runsPerCandidate, withoutPin(s), start.schedule());
        boolean progress = true;
        while (progress) progress = p.pass();
        Shrinker.Result sr = Shrinker.shrink(p.current.program(variant), p.currentSchedule, p.current.runOptions(), scheduleAttempts);
        // the answers of the failing run become the saved file's expectations
        List<List<OpResult>> answers = new ArrayList<>();
        for (TaskSpec t : p.current.tasks()) answers.add(new ArrayList<>(java.util.Collections.nCopies(t.ops().size(), null)));
        RunResult last = Explorer.replay(p.current.program(variant, (ti, oi, r) -> answers.get(ti).set(oi, r)), sr.shrunk().schedule(), p.current.runOptions());
        List<TaskSpec> tasks = new ArrayList<>();
        for (int i = 0; i < p.current.tasks().size(); i++) {
            TaskSpec t = p.current.tasks().get(i);
            List<AnswerExpectation> ex = new ArrayList<>();
            for (int j = 0; j < t.ops().size(); j++) {
                OpResult r = answers.get(i).get(j);
                ex.add(r == null || !t.ops().get(j).answers() ? t.expect(j) : new AnswerExpectation(List.of(AnswerExpectation.answerOf(r))));
            }
            tasks.add(new TaskSpec(t.name(), t.ops(), ex));
        }
        StaticScenario c = p.current;
        StaticScenario saved = new StaticScenario(c.name(), c.description(), c.world(), tasks, c.failpoints(), c.oracles(), c.runOptions(),
                c.expectFinal(), sr.shrunk().schedule());
        return new Result(s, saved, last, sr, p.attempts, p.runs);
    }

    private static StaticScenario withoutPin(StaticScenario s) {
        return new StaticScenario(s.name(), s.description(), s.world(), s.tasks(), s.failpoints(), s.oracles(), s.runOptions(), s.expectFinal(), null);
    }

    /** One pass over every kind of candidate; true if any was accepted. */
    private boolean pass() {
        boolean any = false;
        for (int ti = current.tasks().size() - 1; ti >= 0 && current.tasks().size() > 1; ti--) {
            if (ti >= current.tasks().size() || awaited(current.tasks().get(ti).name())) continue;
            List<TaskSpec> ts = new ArrayList<>(current.tasks());
            ts.remove(ti);
            any |= tryCandidate(with(current.world(), ts));
        }
        for (int ti = 0; ti < current.tasks().size(); ti++) {
            for (int oi = current.tasks().get(ti).ops().size() - 1; oi >= 0; oi--) {
                TaskSpec t = current.tasks().get(ti);
                if (t.ops().size() < 2 || oi >= t.ops().size() || awaited(t.name())) continue;
                List<Op> ops = new ArrayList<>(t.ops());
                List<AnswerExpectation> ex = new ArrayList<>(t.expects());
                ops.remove(oi);
                ex.remove(oi);
                List<TaskSpec> ts = new ArrayList<>(current.tasks());
                ts.set(ti, new TaskSpec(t.name(), ops, ex));
                any |= tryCandidate(with(current.world(), ts));
            }
        }
        for (int i = current.world().timelines().size() - 1; i >= 0; i--) {
            List<TimelineSpec> tls = current.world().timelines();
            if (i >= tls.size()) continue;
            TimelineSpec t = tls.get(i);
            List<TimelineSpec> without = new ArrayList<>(tls);
            without.remove(i);
            if (without.isEmpty() || tls.stream().anyMatch(o -> t.id().equals(o.ancestor()))) continue;
            any |= tryCandidate(with(world(without), current.tasks()));
            tls = current.world().timelines();
            if (i >= tls.size() || !tls.get(i).equals(t) || !t.archived()) continue;
            List<TimelineSpec> simpler = new ArrayList<>(tls);
            simpler.set(i, t.offloaded() ? new TimelineSpec(t.id(), t.ancestor(), true, false) : new TimelineSpec(t.id(), t.ancestor(), false, false));
            any |= tryCandidate(with(world(simpler), current.tasks()));
        }
        return any;
    }

    private boolean awaited(String task) {
        for (TaskSpec t : current.tasks()) for (Op op : t.ops()) if (op instanceof Op.AwaitOp(String other, int i) && other.equals(task)) return true;
        return false;
    }

    private WorldSpec world(List<TimelineSpec> tls) {
        try {
            return new WorldSpec(tls, current.world().offloadingEnabled(), current.world().compactionSteps());
        } catch (IllegalArgumentException e) {
            return null; // an impossible world: not a candidate
        }
    }

    private StaticScenario with(WorldSpec w, List<TaskSpec> tasks) {
        if (w == null) return null;
        // every op must still name a timeline the world has or an op creates, so that the result parses
        Set<String> known = new LinkedHashSet<>();
        w.timelines().forEach(t -> known.add(t.id()));
        for (TaskSpec t : tasks)
            for (Op op : t.ops()) {
                if (op instanceof Op.Branch b) known.add(b.child());
                if (op instanceof Op.Create c) known.add(c.timeline());
            }
        for (TaskSpec t : tasks) for (Op op : t.ops()) if (!known.containsAll(op.timelines())) return null;
        return new StaticScenario(current.name(), current.description(), w, tasks, current.failpoints(), current.oracles(), current.runOptions(),
                current.expectFinal(), null);
    }

    /** Accepts {@code c} if some schedule of it fails the same oracle. */
    private boolean tryCandidate(StaticScenario c) {
        if (c == null) return false;
        attempts++;
        var program = c.program(variant);
        RunResult r = Explorer.replay(program, currentSchedule, c.runOptions());
        runs++;
        if (!sameOracle(r)) {
            r = null;
            var walk = StrategySpec.random().create();
            RunOptions quick = c.runOptions().withTrace(offloadsim.sim.trace.Trace.Level.HASH_ONLY);
            for (long seed = 1; seed <= runsPerCandidate && r == null; seed++) {
                if (!walk.beginExecution(seed)) break;
                RunResult w = offloadsim.sim.det.DetSim.run(program, walk, seed, quick);
                runs++;
                if (sameOracle(w)) r = w;
            }
        }
        if (r == null) return false;
        current = c;
        currentSchedule = r.schedule();
        return true;
    }

    private boolean sameOracle(RunResult r) {
        return r.outcome().isFailure() && oracle.equals(r.outcome().oracle());
    }

    /** Tasks, ops and timelines of a scenario, for reports: "3 tasks, 9 ops, 4 timelines". */
    public static String size(StaticScenario s) {
        int ops = s.tasks().stream().mapToInt(t -> t.ops().size()).sum();
        return s.tasks().size() + " tasks, " + ops + " ops, " + s.world().timelines().size() + " timelines";
    }

    public static int ops(StaticScenario s) {
        return s.tasks().stream().mapToInt(t -> t.ops().size()).sum();
    }
}
