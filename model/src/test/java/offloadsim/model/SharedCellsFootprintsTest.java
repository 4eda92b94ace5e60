package offloadsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import offloadsim.model.remote.IndexPart;
import offloadsim.model.remote.RemoteStorage;
import offloadsim.sim.api.Sim;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.Dpor;
import offloadsim.sim.strategy.Exhaustive;
import offloadsim.sim.strategy.Strategy;
import org.junit.jupiter.api.Test;

/**
 * The model's own shared cells (the history of answers, task_mgr's task list, remote storage) tell the
 * scheduler which of their accesses commute. On programs small enough to count their Mazurkiewicz traces by
 * hand, the unreduced search sees exactly that many traces, and optimal DPOR completes one execution per
 * trace and reaches the same final states — each final state spelling out what the accesses returned and
 * left (the history's per-timeline answers and overlaps, the ids and cancellations task_mgr handed out, what
 * each download and listing saw). A footprint that claims too much independence makes DPOR miss one of them.
 */
class SharedCellsFootprintsTest {

    record Seen(Set<String> ends, long executions, long completed, int traces) {}

    private static Seen search(Program p, Strategy s) {
        Set<String> ends = new TreeSet<>();
        Set<Long> traces = new HashSet<>();
        long executions = 0;
        long completed = 0;
        while (s.beginExecution(executions)) {
            RunResult r = DetSim.run(p, s, executions, RunOptions.defaults());
            executions++;
            assertTrue(executions <= 100_000, "space larger than this test assumes");
            if (r.outcome().kind() == Outcome.Kind.PRUNED) continue;
            completed++;
            traces.add(r.trace().mazurkiewiczHash());
            ends.add(r.finalState() + " " + r.outcome().kind() + " " + r.outcome().oracle());
        }
        assertTrue(s.exhausted(), s.describe());
        return new Seen(ends, executions, completed, traces.size());
    }

    /** Unreduced and DPOR searches: the same final states, {@code traces} traces each, DPOR once per trace; returns the final states. */
    private static Set<String> assertTraces(Program p, int traces) {
        Seen full = search(p, new Exhaustive(-1));
        Dpor dpor = new Dpor(-1);
        Seen reduced = search(p, dpor);
        assertEquals(full.ends(), reduced.ends(), "final states dpor reached (" + dpor.describe() + ")");
        assertEquals(traces, full.traces(), "traces of the unreduced search (" + full.executions() + " executions)");
        assertEquals(traces, reduced.traces(), "traces dpor saw");
        assertEquals(traces, reduced.completed(), "dpor completes one execution per trace: " + dpor.describe());
        return full.ends();
    }

    private static Program program(Function<Sim, Oracles> body) {
        return body::apply;
    }

    // ---------------------------------------------------------------- History

    /**
     * An unarchive and an archive of t1 (each invoked, then answered in a later step), an archive of t2 (a
     * timeline the history was not told about at set-up) and an answer of another kind. Only t1's invocations
     * and answers order with each other: either answer first, and the other call invoked before or after it —
     * 4 traces, each its own per-timeline history (two overlapping, two not). When every invocation and answer
     * wrote one cell, its 7 steps were ordered every way program order allows: 7!/2^3 = 630 traces.
     */
    @Test
    void onlyOneTimelinesArchivalCallsOrderInTheHistory() {
        Set<String> ends = assertTraces(program(sim -> {
            History h = new History(sim, List.of("main", "t1"));
            call(sim, h, "unarchive", "t1");
            call(sim, h, "archive", "t1");
            call(sim, h, "archive", "t2");
            sim.spawn("compaction", () -> h.record(OpResult.ok("compaction", null)));
            return new Oracles() {
                @Override
                public String finalState() {
                    return describe(h, "t1") + " | " + describe(h, "t2") + " | " + new TreeSet<>(h.results().stream().map(OpResult::toString).toList());
                }
            };
        }), 4);
        assertEquals(4, ends.size(), ends.toString());
    }

    private static void call(Sim sim, History h, String op, String timeline) {
        sim.spawn(op + " " + timeline, () -> {
            long invoked = h.invoke(timeline);
            sim.yieldPoint("in flight");
            h.record(OpResult.ok(op, timeline), invoked);
        });
    }

    /** The timeline's answers in order, each with whether it overlapped each earlier one. */
    private static String describe(History h, String timeline) {
        List<History.Answer> a = h.archival(timeline);
        StringBuilder sb = new StringBuilder(timeline).append(':');
        for (int i = 0; i < a.size(); i++) {
            sb.append(' ').append(a.get(i).result().op());
            for (int j = 0; j < i; j++) if (History.overlap(a.get(i), a.get(j))) sb.append("~").append(a.get(j).result().op());
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- TaskMgr

    /**
     * Two tasks register, yield and end; a task registered at set-up ends. Registers order with each other (ids
     * come from registration order); ends commute with ends and with registers: 2 traces (with one cell for the
     * list, a register and an end were ordered: 12). With a fourth task that runs {@code shutdown_tasks} over
     * the list (which tasks it cancels, and whether each join finds the task ended, depend on every register
     * and end before it) dpor still reaches every final state the unreduced search does, once per trace.
     */
    @Test
    void tasksEndingCommuteWithRegistersButNotWithAScan() {
        assertTraces(tasks(false), 2);
        Seen full = search(tasks(true), new Exhaustive(-1));
        Dpor dpor = new Dpor(-1);
        Seen reduced = search(tasks(true), dpor);
        assertEquals(full.ends(), reduced.ends(), "final states dpor reached (" + dpor.describe() + ")");
        assertEquals(full.traces(), reduced.completed(), "dpor completes one execution per trace: " + dpor.describe());
        assertTrue(full.ends().size() > 2, full.ends().toString());
    }

    private static Program tasks(boolean withScan) {
        return sim -> {
            TaskMgr mgr = new TaskMgr(sim, "tenant");
            TaskMgr.Task early = mgr.register(TaskMgr.Kind.COMPACTION, null);
            List<TaskMgr.Task[]> mine = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                TaskMgr.Task[] t = new TaskMgr.Task[1];
                mine.add(t);
                sim.spawn("iteration" + i, () -> {
                    t[0] = mgr.register(TaskMgr.Kind.COMPACTION, null);
                    sim.yieldPoint("running");
                    mgr.finished(t[0]);
                });
            }
            sim.spawn("early", () -> mgr.finished(early));
            if (withScan) sim.spawn("shutdown", () -> mgr.shutdownTasks(null, null, "shutdown_tasks"));
            return new Oracles() {
                @Override
                public String finalState() {
                    StringBuilder sb = new StringBuilder("early cancelled=" + early.cancel().isCancelled());
                    for (int i = 0; i < mine.size(); i++) {
                        TaskMgr.Task t = mine.get(i)[0];
                        sb.append(" | iteration").append(i).append(" id=").append(t.id()).append(" cancelled=").append(t.cancel().isCancelled());
                    }
                    return sb.append(" | live ").append(mgr.peek().stream().map(TaskMgr.Task::id).toList()).toString();
                }
            };
        };
    }

    // ---------------------------------------------------------------- RemoteStorage

    /**
     * Uploads of t1's and t2's index parts, a manifest upload, a download of t1 and an attach's listing, one task
     * each. Requests on different prefixes (and the manifest) commute; the download orders with t1's upload and
     * the listing with all three uploads: 2 × 2^3 = 16 traces (with one mutex around every request: 5! = 120).
     */
    @Test
    void requestsOnDifferentPrefixesCommute() {
        Set<String> ends = assertTraces(sim -> {
            RemoteStorage remote = new RemoteStorage(sim);
            remote.seed(new IndexPart("t1", "main", false, false), false);
            remote.seed(new IndexPart("t2", "main", false, false), false);
            String[] seen = new String[2];
            sim.spawn("upload t1", () -> remote.upload(new IndexPart("t1", "main", true, false), 1));
            sim.spawn("upload t2", () -> remote.upload(new IndexPart("t2", "main", true, false), 1));
            sim.spawn("upload manifest", () -> remote.uploadManifest(new java.util.TreeMap<>(java.util.Map.of("t3", "main")), 1));
            sim.spawn("download t1", () -> seen[0] = String.valueOf(remote.download("t1", 1)));
            sim.spawn("attach", () -> {
                RemoteStorage.Snapshot s = remote.snapshot(1);
                seen[1] = s.indices().values() + " " + s.manifest();
            });
            return new Oracles() {
                @Override
                public String finalState() {
                    return "download " + seen[0] + " | listing " + seen[1];
                }
            };
        }, 16);
        assertEquals(16, ends.size(), ends.toString());
    }
}
