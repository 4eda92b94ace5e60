package offloadsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.model.spec.WorldSpec;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.RunResult;
import org.junit.jupiter.api.Test;

/**
 * The two rejected alternatives (alt-recheck, alt-state) run every operation of the facade (archive,
 * unarchive, compaction, branch, delete, shutdown, restart, endpoint start) under 200 random-walk seeds
 * each. Oracle violations are expected (they are the point of the alternatives); what must never happen
 * is the {@code exception} outcome (an unexpected Java exception = a model bug), a deadlock or a livelock.
 */
class AltVariantsAllOpsTest {

    /** main <- t1 (archived) <- t2 (archived), plus an unarchived sibling t3. */
    static WorldSpec chain() {
        return new WorldSpec(List.of(
                new TimelineSpec("main", null, false, false),
                new TimelineSpec("t1", "main", true, false),
                new TimelineSpec("t2", "t1", true, false),
                new TimelineSpec("t3", "main", false, false)), true, 2);
    }

    static void runAll(Variant v, WorldSpec world, long seeds) {
        int[] endpointStarts = {0};
        java.util.TreeSet<String> answeredOk = new java.util.TreeSet<>();
        for (long seed = 1; seed <= seeds; seed++) {
            Object[] r = Runs.run(v, world, seed, (sim, ps) -> {
                sim.spawn("compaction", () -> { ps.compactionIteration(); ps.compactionIteration(); });
                sim.spawn("user", () -> {
                    ps.branch("main", "b1");
                    ps.delete("b1");
                    ps.unarchive("t1");
                    ps.getTimeline("t1", true);
                    ps.branch("t1", "b2");
                    ps.archive("b2");
                    ps.getTimeline("b2", true);
                });
                sim.spawn("admin", () -> {
                    ps.archive("t1");
                    ps.restart();
                    ps.unarchive("t1");
                    ps.getTimeline("t1", true);
                    ps.shutdownTenant();
                });
            });
            RunResult run = (RunResult) r[0];
            Pageserver ps = (Pageserver) r[1];
            long s = seed;
            Outcome o = run.outcome();
            assertNotEquals("exception", o.oracle(), () -> v.id() + " seed " + s + ": " + o.summary());
            assertNotEquals(Outcome.Kind.DEADLOCK, o.kind(), () -> v.id() + " seed " + s + ": " + o.summary());
            assertNotEquals(Outcome.Kind.STEP_BUDGET, o.kind(), () -> v.id() + " seed " + s + ": " + o.summary());
            // every operation was attempted and answered (a violation ends the run early only at the end of a step)
            List<String> ops = ps.history().results().stream().map(OpResult::op).toList();
            if (o.kind() == Outcome.Kind.OK) {
                for (String op : List.of("archive", "unarchive", "compaction", "branch", "delete", "shutdown", "restart", "endpoint-start"))
                    assertTrue(ops.contains(op), () -> v.id() + " seed " + s + " never answered " + op + ": " + ops);
                endpointStarts[0]++;
            }
            ps.history().results().stream().filter(OpResult::ok).forEach(x -> answeredOk.add(x.op()));
            assertFalse(ops.isEmpty(), () -> v.id() + " seed " + s + ": no operation answered");
        }
        assertTrue(endpointStarts[0] > 0, v.id() + ": no seed ran to completion without a violation");
        // the program is not vacuous: across the seeds every operation succeeded at least once
        assertEquals(new java.util.TreeSet<>(List.of("archive", "branch", "compaction", "delete", "endpoint-start", "restart", "shutdown", "unarchive")),
                answeredOk, v.id() + ": operations that never succeeded");
    }

    @Test
    void altRecheckRunsEveryOperationWithoutModelErrorsArchivedLeaf() {
        runAll(Variant.ALT_RECHECK, Runs.archivedLeaf(), 200);
    }

    @Test
    void altStateRunsEveryOperationWithoutModelErrorsArchivedLeaf() {
        runAll(Variant.ALT_STATE, Runs.archivedLeaf(), 200);
    }

    @Test
    void altRecheckRunsEveryOperationWithoutModelErrorsChain() {
        runAll(Variant.ALT_RECHECK, chain(), 200);
    }

    @Test
    void altStateRunsEveryOperationWithoutModelErrorsChain() {
        runAll(Variant.ALT_STATE, chain(), 200);
    }

    /** The same schedule is the same run: a seed reproduces outcome and history exactly. */
    @Test
    void aSeedReproducesTheRun() {
        for (Variant v : List.of(Variant.ALT_RECHECK, Variant.ALT_STATE)) {
            for (long seed : new long[] {3, 17, 101}) {
                Object[] a = Runs.run(v, chain(), seed, (sim, ps) -> {
                    sim.spawn("compaction", ps::compactionIteration);
                    sim.spawn("user", () -> { ps.unarchive("t2"); ps.getTimeline("t2", true); });
                });
                Object[] b = Runs.run(v, chain(), seed, (sim, ps) -> {
                    sim.spawn("compaction", ps::compactionIteration);
                    sim.spawn("user", () -> { ps.unarchive("t2"); ps.getTimeline("t2", true); });
                });
                assertEquals(((RunResult) a[0]).outcome().summary(), ((RunResult) b[0]).outcome().summary());
                assertEquals(((Pageserver) a[1]).history().results(), ((Pageserver) b[1]).history().results());
                assertEquals(((Pageserver) a[1]).describeState(), ((Pageserver) b[1]).describeState());
            }
        }
    }
}
