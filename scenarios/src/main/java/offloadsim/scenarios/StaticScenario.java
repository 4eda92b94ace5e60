package offloadsim.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import offloadsim.model.OpResult;
import offloadsim.model.Pageserver;
import offloadsim.model.Variant;
import offloadsim.model.spec.WorldSpec;
import offloadsim.scenarios.expect.AnswerExpectation;
import offloadsim.scenarios.expect.ExpectationOracles;
import offloadsim.scenarios.expect.StateExpectation;
import offloadsim.scenarios.ops.Op;
import offloadsim.sim.api.Failpoints;
import offloadsim.sim.api.SimLatch;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.trace.Schedule;

/**
 * A scenario given as data: world, tasks (with the answers their ops must give), failpoint modes, oracles,
 * final-state expectations, and optionally the schedule it was saved with. The catalog's fixed scenarios
 * and scenario files are both this.
 *
 * @param expectFinal what the state must be at quiescence, or null
 * @param pinned      the schedule the file pins (a saved failure replays with it), or null
 */
public record StaticScenario(String name, String description, WorldSpec world, List<TaskSpec> tasks,
                             Map<String, Failpoints.Mode> failpoints, Set<String> oracles, RunOptions runOptions,
                             StateExpectation expectFinal, Schedule pinned)
        implements Scenario {

    public StaticScenario {
        tasks = List.copyOf(tasks);
        failpoints = new LinkedHashMap<>(failpoints);
        // insertion order, never Set.copyOf: its iteration order changes from one JVM to the next
        oracles = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(oracles));
        if (tasks.isEmpty()) throw new IllegalArgumentException("scenario " + name + " has no tasks");
    }

    public StaticScenario(String name, String description, WorldSpec world, List<TaskSpec> tasks,
                          Map<String, Failpoints.Mode> failpoints, Set<String> oracles, RunOptions runOptions) {
        this(name, description, world, tasks, failpoints, oracles, runOptions, null, null);
    }

    @Override
    public Map<String, Failpoints.Mode> failpoints() {
        return new LinkedHashMap<>(failpoints);
    }

    /** Whether any op or the end state carries an expectation. */
    public boolean hasExpectations() {
        return expectFinal != null || tasks.stream().anyMatch(t -> t.expects().stream().anyMatch(e -> e != null));
    }

    /** Every op's answer in one run, by task index and op index (what shrinking saves as expectations). */
    @FunctionalInterface
    public interface AnswerLog {
        void answered(int task, int op, OpResult result);
    }

    @Override
    public Program program(Variant variant) {
        return program(variant, null);
    }

    /** The program, reporting every answer to {@code log} (may be null). */
    public Program program(Variant variant, AnswerLog log) {
        return sim -> {
            failpoints.forEach((fp, mode) -> sim.failpoints().configure(fp, mode));
            Pageserver ps = Pageserver.start(sim, variant, world);
            ExpectationOracles oracles = new ExpectationOracles(ps.oracles(this.oracles), ps, expectFinal);
            // a latch per op that some await-op waits for, made at set-up so every run creates the same objects
            Map<String, SimLatch> latches = new LinkedHashMap<>();
            for (TaskSpec t : tasks)
                for (Op op : t.ops())
                    if (op instanceof Op.AwaitOp(String task, int index)) latches.computeIfAbsent(task + "#" + index, k -> sim.latch("answered " + k));
            Op.Script script = (task, index) -> latches.get(task + "#" + index);
            for (int ti = 0; ti < tasks.size(); ti++) {
                TaskSpec t = tasks.get(ti);
                int taskIndex = ti;
                sim.spawn(t.name(), () -> {
                    for (int j = 0; j < t.ops().size(); j++) {
                        Op op = t.ops().get(j);
                        OpResult r = op.run(ps, sim, script);
                        if (r != null && log != null) log.answered(taskIndex, j, r);
                        AnswerExpectation e = t.expect(j);
                        if (r != null && e != null && !e.matches(r)) oracles.missed(missMessage(t, taskIndex, j, op, e, r));
                        SimLatch done = latches.get(t.name() + "#" + j);
                        if (done != null) done.open();
                    }
                });
            }
            return oracles;
        };
    }

    private static String missMessage(TaskSpec t, int ti, int j, Op op, AnswerExpectation e, OpResult r) {
        String where = "task " + t.name() + ", tasks[" + ti + "].ops[" + j + "] " + op.text();
        if (op instanceof Op.ExpectState || op instanceof Op.WaitUntil) return where + ": " + r.error();
        return where + ": expected " + e.text() + ", got " + (r.ok() ? "Ok" : "Err(" + r.error() + ")");
    }
}
