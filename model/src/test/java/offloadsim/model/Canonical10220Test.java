package offloadsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.api.Failpoints;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.RunResult;
import org.junit.jupiter.api.Test;

/**
 * The PR's story by a hand-written schedule: compaction decides to offload t1 and pauses at
 * before-timeline-auto-offload; the user unarchives t1 to completion; compaction resumes; the user
 * starts an endpoint. The pause makes the interleaving the same whatever the seed.
 */
class Canonical10220Test {
    static final String FP = "before-timeline-auto-offload";

    static Object[] story(Variant v, long seed) {
        return Runs.run(v, Runs.archivedLeaf(), seed, (sim, ps) -> {
            sim.failpoints().configure(FP, Failpoints.Mode.PAUSE);
            var compaction = sim.spawn("compaction", ps::compactionIteration);
            sim.spawn("user", () -> {
                sim.failpoints().awaitPaused(FP, "test/await-paused");
                assertTrue(ps.unarchive("t1").ok());
                sim.failpoints().release(FP);
                compaction.join();
                ps.getTimeline("t1", true);
            });
        });
    }

    @Test
    void preFixLeavesTheUnarchivedTimelineStoppingForEverySeed() {
        for (long seed = 1; seed <= 20; seed++) {
            Object[] r = story(Variant.PRE_10305, seed);
            RunResult run = (RunResult) r[0];
            Pageserver ps = (Pageserver) r[1];
            assertEquals(Outcome.Kind.VIOLATION, run.outcome().kind(), run.outcome().summary());
            assertEquals("stuck-stopping", run.outcome().oracle());
            assertTrue(run.outcome().message().contains("t1"));
            OpResult endpoint = ps.history().results().getLast();
            assertEquals("endpoint-start", endpoint.op());
            assertEquals("NotActive(Stopping)", endpoint.error(), "seed " + seed);
            assertEquals(TimelineState.STOPPING, ps.peekTenant().peekTimelines().get("t1").peekState());
            assertTrue(run.trace().text().contains("timeline t1: Active -> Stopping"));
        }
    }

    @Test
    void theFixLeavesItActiveForEverySeed() {
        for (long seed = 1; seed <= 20; seed++) {
            Object[] r = story(Variant.FIX_10305, seed);
            RunResult run = (RunResult) r[0];
            Pageserver ps = (Pageserver) r[1];
            assertEquals(Outcome.Kind.OK, run.outcome().kind(), run.outcome().summary());
            assertTrue(ps.history().results().getLast().ok(), "endpoint start succeeds");
            assertEquals(TimelineState.ACTIVE, ps.peekTenant().peekTimelines().get("t1").peekState());
            assertTrue(run.trace().text().contains("can't shut down timeline: not archived in remote storage"), "the arbiter said no");
        }
    }

    @Test
    void everyVariantRunsEveryOperationWithoutModelErrors() {
        for (Variant v : Variant.values()) {
            for (long seed = 1; seed <= 150; seed++) {
                Object[] r = Runs.run(v, Runs.archivedLeaf(), seed, (sim, ps) -> {
                    sim.spawn("compaction", () -> { ps.compactionIteration(); ps.compactionIteration(); });
                    sim.spawn("user", () -> { ps.unarchive("t1"); ps.branch("t1", "t2"); ps.archive("t2"); ps.getTimeline("t1", true); });
                    sim.spawn("admin", () -> { ps.delete("t2"); ps.archive("t1"); ps.restart(); ps.unarchive("t1"); ps.shutdownTenant(); });
                });
                RunResult run = (RunResult) r[0];
                assertNotEquals("exception", run.outcome().oracle(), () -> v.id() + " seed: " + run.outcome().summary());
                assertNotEquals(Outcome.Kind.DEADLOCK, run.outcome().kind(), () -> v.id() + ": " + run.outcome().summary());
                assertNotEquals(Outcome.Kind.STEP_BUDGET, run.outcome().kind(), () -> v.id() + ": " + run.outcome().summary());
            }
        }
    }
}
