package offloadsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.RunResult;
import org.junit.jupiter.api.Test;

/**
 * The #10220 race with the schedule left to the random walk (compaction and an unarchive of t1 run
 * concurrently; the endpoint starts after both), plus the canonical paused schedule on the two rejected
 * alternatives. What each variant must and must not show:
 * fix-10305 never ends in a violation or panic; pre-10305 shows both symptoms (t1 stuck Stopping, and the
 * "must be called on an archived timeline" panic when the unarchive upload drains during offload's
 * shutdown); alt-recheck is still stuck on the canonical schedule (its recheck runs before the pause);
 * alt-state survives the canonical schedule but still panics on some other schedule.
 */
class Variants10220Test {
    static final int SEEDS = 300;

    static Object[] race(Variant v, long seed) {
        return Runs.run(v, Runs.archivedLeaf(), seed, (sim, ps) -> {
            var compaction = sim.spawn("compaction", ps::compactionIteration);
            sim.spawn("user", () -> {
                ps.unarchive("t1");
                compaction.join();
                ps.getTimeline("t1", true);
            });
        });
    }

    /** Oracle names (with "panic" for PANIC) seen across the seeds, in a stable order. */
    static TreeSet<String> observed(Variant v) {
        TreeSet<String> seen = new TreeSet<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            Outcome o = ((RunResult) race(v, seed)[0]).outcome();
            assertTrue(!"exception".equals(o.oracle()), () -> v.id() + ": " + o.summary());
            if (o.kind() != Outcome.Kind.OK) seen.add(o.oracle());
        }
        return seen;
    }

    @Test
    void theFixNeverFailsAndAnAcknowledgedUnarchiveAlwaysLetsTheEndpointStart() {
        int unarchiveWon = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Object[] r = race(Variant.FIX_10305, seed);
            RunResult run = (RunResult) r[0];
            Pageserver ps = (Pageserver) r[1];
            assertEquals(Outcome.Kind.OK, run.outcome().kind(), "seed " + seed + ": " + run.outcome().summary());
            List<OpResult> h = ps.history().results();
            OpResult unarchive = h.stream().filter(x -> x.op().equals("unarchive")).findFirst().orElseThrow();
            OpResult endpoint = h.getLast();
            assertEquals("endpoint-start", endpoint.op());
            if (unarchive.ok()) {
                unarchiveWon++;
                assertTrue(endpoint.ok(), "seed " + seed + ": unarchive acknowledged but endpoint start answered " + endpoint.error());
                assertEquals(TimelineState.ACTIVE, ps.peekTenant().peekTimelines().get("t1").peekState());
                assertTrue(!ps.peekTenant().peekOffloaded().containsKey("t1"), "seed " + seed);
            }
        }
        assertTrue(unarchiveWon > 0, "no seed where the unarchive was acknowledged");
    }

    @Test
    void preFixShowsBothSymptoms() {
        TreeSet<String> seen = observed(Variant.PRE_10305);
        assertTrue(seen.contains("stuck-stopping"), seen.toString());
        assertTrue(seen.contains("panic"), seen.toString());
    }

    @Test
    void altStateIsStillBrokenOnSomeSchedule() {
        TreeSet<String> seen = observed(Variant.ALT_STATE);
        assertTrue(seen.contains("panic"), seen.toString());
    }

    @Test
    void altRecheckIsStuckOnTheCanonicalSchedule() {
        for (long seed = 1; seed <= 20; seed++) {
            Object[] r = Canonical10220Test.story(Variant.ALT_RECHECK, seed);
            RunResult run = (RunResult) r[0];
            Pageserver ps = (Pageserver) r[1];
            assertEquals("stuck-stopping", run.outcome().oracle(), "seed " + seed + ": " + run.outcome().summary());
            assertTrue(run.outcome().message().contains("timeline t1"), run.outcome().message());
            assertEquals("NotActive(Stopping)", ps.history().results().getLast().error());
        }
    }

    @Test
    void altStateSurvivesTheCanonicalSchedule() {
        for (long seed = 1; seed <= 20; seed++) {
            Object[] r = Canonical10220Test.story(Variant.ALT_STATE, seed);
            RunResult run = (RunResult) r[0];
            Pageserver ps = (Pageserver) r[1];
            assertEquals(Outcome.Kind.OK, run.outcome().kind(), "seed " + seed + ": " + run.outcome().summary());
            List<OpResult> h = ps.history().results();
            assertTrue(h.getLast().ok(), "endpoint start");
            assertEquals(TimelineState.ACTIVE, ps.peekTenant().peekTimelines().get("t1").peekState());
        }
    }
}
