package offloadsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Consumer;
import offloadsim.model.oracles.OracleNames;
import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import org.junit.jupiter.api.Test;

/** Every oracle fires on a state built to break it, and names the timeline in its message. */
class OraclesFireTest {

    static Outcome broken(String oracle, Consumer<Pageserver> breakIt) {
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(1);
        RunResult r = DetSim.run(sim -> {
            Pageserver ps = Pageserver.start(sim, Variant.FIX_10305, Runs.archivedLeaf());
            breakIt.accept(ps);
            sim.spawn("observer", () -> sim.yieldPoint("test/step"));
            return ps.oracles(Set.of(oracle));
        }, rw, 1, RunOptions.defaults());
        assertEquals(oracle, r.outcome().oracle(), r.outcome().summary());
        assertEquals(Outcome.Kind.VIOLATION, r.outcome().kind());
        return r.outcome();
    }

    static void offload(Pageserver ps, String id) {
        var t = ps.peekTenant().peekTimelines().remove(id);
        ps.peekTenant().peekOffloaded().put(id, new OffloadedTimeline(id, t.ancestorId, true, t.deleteProgress));
    }

    @Test
    void aHealthyWorldViolatesNothing() {
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(1);
        RunResult r = DetSim.run(sim -> {
            Pageserver ps = Pageserver.start(sim, Variant.FIX_10305, Runs.archivedLeaf());
            sim.spawn("observer", () -> sim.yieldPoint("test/step"));
            return ps.oracles(Set.of());
        }, rw, 1, RunOptions.defaults());
        assertEquals(Outcome.Kind.OK, r.outcome().kind(), r.outcome().summary());
    }

    @Test
    void stuckStopping() {
        Outcome o = broken(OracleNames.STUCK_STOPPING, ps -> ps.peekTenant().peekTimelines().get("t1").setStateHoldingLocks(TimelineState.STOPPING));
        assertTrue(o.message().contains("timeline t1") && o.message().contains("NotActive(Stopping)"), o.message());
    }

    @Test
    void endpointStart() {
        Outcome o = broken(OracleNames.ENDPOINT_START, ps -> {
            ps.history().record(OpResult.ok("unarchive", "t1"));
            ps.peekTenant().peekTimelines().get("t1").setStateHoldingLocks(TimelineState.STOPPING);
        });
        assertTrue(o.message().contains("unarchive(t1) was acknowledged"), o.message());
    }

    @Test
    void disjointMaps() {
        Outcome o = broken(OracleNames.DISJOINT_MAPS, ps -> {
            var t1 = ps.peekTenant().peekTimelines().get("t1");
            ps.peekTenant().peekOffloaded().put("t1", new OffloadedTimeline("t1", "main", true, t1.deleteProgress));
        });
        assertTrue(o.message().contains("timeline t1"), o.message());
    }

    @Test
    void stoppingTerminal() {
        Outcome o = broken(OracleNames.STOPPING_TERMINAL, ps -> ps.findings().stoppingTerminal("t1", "Stopping -> Active"));
        assertTrue(o.message().contains("timeline t1"), o.message());
    }

    @Test
    void arbiter() {
        Outcome o = broken(OracleNames.ARBITER, ps -> ps.findings().arbiter("t1", "archival change after the arbiter"));
        assertTrue(o.message().contains("timeline t1"), o.message());
    }

    @Test
    void onlyArchivedOffloadedAtInsertionAndAfterAnAcknowledgedUnarchive() {
        Outcome a = broken(OracleNames.ONLY_ARCHIVED_OFFLOADED, ps -> ps.findings().onlyArchivedOffloaded("t1", "offloaded while unarchived"));
        assertTrue(a.message().contains("timeline t1"), a.message());
        Outcome b = broken(OracleNames.ONLY_ARCHIVED_OFFLOADED, ps -> {
            ps.history().record(OpResult.ok("unarchive", "t1"));
            offload(ps, "t1");
        });
        assertTrue(b.message().contains("timeline t1 is offloaded although unarchive(t1) was acknowledged"), b.message());
    }

    @Test
    void ancestorClosure() {
        Outcome o = broken(OracleNames.ANCESTOR_CLOSURE, ps -> offload(ps, "main"));
        assertTrue(o.message().contains("timeline t1") && o.message().contains("main"), o.message());
    }

    @Test
    void manifestConsistency() {
        Outcome o = broken(OracleNames.MANIFEST_CONSISTENCY, ps -> offload(ps, "t1"));
        assertTrue(o.message().contains("t1"), o.message());
    }

    @Test
    void presence() {
        Outcome o = broken(OracleNames.PRESENCE, ps -> ps.peekTenant().peekTimelines().remove("t1"));
        assertTrue(o.message().contains("timeline t1"), o.message());
    }

    @Test
    void deleteTerminates() {
        Outcome o = broken(OracleNames.DELETE_TERMINATES, ps -> ps.history().record(OpResult.ok("delete", "t1")));
        assertTrue(o.message().contains("delete(t1)"), o.message());
    }
}
