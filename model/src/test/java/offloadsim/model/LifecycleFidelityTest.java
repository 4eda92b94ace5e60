package offloadsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import offloadsim.model.remote.IndexPart;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.model.spec.WorldSpec;
import offloadsim.model.tenant.TenantState;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.api.Failpoints;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.TaskHandle;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import offloadsim.sim.trace.Trace;
import org.junit.jupiter.api.Test;

/**
 * The tenant lifecycle as the Rust runs it at 49756a0d01 and 6149ac8834 (fidelity audit rows #1-#5, #7,
 * #13, #14, #17-#19): each test pins a behaviour the model used to get wrong.
 */
class LifecycleFidelityTest {

    static final TimelineSpec MAIN = new TimelineSpec("main", null, false, false);

    static WorldSpec world(TimelineSpec... more) {
        List<TimelineSpec> l = new ArrayList<>(List.of(MAIN));
        l.addAll(List.of(more));
        return new WorldSpec(l, true, 2);
    }

    static Object[] run(Variant v, WorldSpec w, long seed, BiConsumer<Sim, Pageserver> body) {
        return Runs.run(v, w, seed, body);
    }

    static RunResult result(Object[] r) {
        return (RunResult) r[0];
    }

    static Pageserver ps(Object[] r) {
        return (Pageserver) r[1];
    }

    static OpResult answer(Pageserver ps, String op, String timeline) {
        for (OpResult r : ps.history().results()) if (r.op().equals(op) && java.util.Objects.equals(timeline, r.timeline())) return r;
        return null;
    }

    static int position(Pageserver ps, String op) {
        List<OpResult> h = ps.history().results();
        for (int i = 0; i < h.size(); i++) if (h.get(i).op().equals(op)) return i;
        return -1;
    }

    /** Yields a few times so that everything runnable gets to run (the random walk picks among them). */
    static void settle(Sim sim, int n) {
        for (int i = 0; i < n; i++) sim.yieldPoint("test/settle");
    }

    // ------------------------------------------------------------------ #1 the tenant gate

    /** A branch paused inside its create guard holds the gate: the restart's shutdown cannot return, so the next generation cannot attach under it. */
    @Test
    void restartWaitsForABranchInFlight() {
        for (Variant v : Variant.values()) {
            for (long seed = 1; seed <= 10; seed++) {
                boolean[] restartDoneWhilePaused = {false};
                String[] branchAnswer = {"(none)"};
                Object[] r = run(v, world(), seed, (sim, ps) -> {
                    sim.failpoints().configure("timeline-creation-after-uninit", Failpoints.Mode.PAUSE);
                    sim.spawn("user", () -> branchAnswer[0] = ps.branch("main", "t2").error());
                    sim.spawn("operator", () -> {
                        sim.failpoints().awaitPaused("timeline-creation-after-uninit", "test/await-paused");
                        TaskHandle restart = sim.spawn("restart", ps::restart);
                        settle(sim, 40);
                        restartDoneWhilePaused[0] = restart.isDone();
                        sim.failpoints().release("timeline-creation-after-uninit");
                        restart.join();
                    });
                });
                assertFalse(restartDoneWhilePaused[0], v + " seed " + seed + ": restart finished while a branch held the gate");
                Pageserver ps = ps(r);
                assertEquals(Outcome.Kind.OK, result(r).outcome().kind(), v + " seed " + seed + ": " + result(r).outcome().summary());
                assertTrue(position(ps, "branch") < position(ps, "restart"), "the branch answers before the next generation is attached");
                assertEquals(2, ps.peekTenant().generation);
                if (branchAnswer[0] == null) {
                    // upstream: the child inserted after shutdown's snapshot still uploads its index (the #10159 family): the next generation loads it
                    assertTrue(ps.peekTenant().peekTimelines().containsKey("t2"), v + " seed " + seed + ": " + ps.describeState());
                } else {
                    // a design that re-checks the ancestor in finish_creation refuses the child of a Stopping ancestor: nothing is uploaded
                    assertEquals("AncestorNotActive", branchAnswer[0], v + " seed " + seed);
                    assertNotEquals(Variant.class, declaringClassOfFinishCreationRefusal(v), v + " refused the branch without a finish_creation re-check");
                    assertFalse(ps.peekTenant().peekTimelines().containsKey("t2"), v + " seed " + seed + ": " + ps.describeState());
                }
            }
        }
    }

    /** Same for an unoffload paused at its manifest upload: the restart waits, and the unoffload answers Cancelled (the tenant was cancelled). */
    @Test
    void restartWaitsForAnUnoffloadInFlight() {
        for (Variant v : Variant.values()) {
            for (long seed = 1; seed <= 10; seed++) {
                boolean[] restartDoneWhilePaused = {false};
                Object[] r = run(v, world(new TimelineSpec("t1", "main", true, true)), seed, (sim, ps) -> {
                    sim.failpoints().configure("remote-upload-manifest", Failpoints.Mode.PAUSE);
                    sim.spawn("user", () -> ps.unarchive("t1"));
                    sim.spawn("operator", () -> {
                        sim.failpoints().awaitPaused("remote-upload-manifest", "test/await-paused");
                        TaskHandle restart = sim.spawn("restart", ps::restart);
                        settle(sim, 40);
                        restartDoneWhilePaused[0] = restart.isDone();
                        sim.failpoints().release("remote-upload-manifest");
                        restart.join();
                    });
                });
                assertFalse(restartDoneWhilePaused[0], v + " seed " + seed + ": restart finished while an unoffload held the gate");
                Pageserver ps = ps(r);
                assertEquals(Outcome.Kind.OK, result(r).outcome().kind(), v + " seed " + seed + ": " + result(r).outcome().summary());
                assertEquals("Cancelled", answer(ps, "unarchive", "t1").error());
                assertTrue(position(ps, "unarchive") < position(ps, "restart"));
                assertTrue(ps.peekTenant().peekOffloaded().containsKey("t1"), "the persisted manifest still lists t1: " + ps.describeState());
            }
        }
    }

    /** Once close has started, creation answers ShuttingDown and unoffload Cancelled, even before the tenant state says Stopping to them. */
    @Test
    void aClosedGateRefusesCreationAndUnoffload() {
        Object[] r = run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", true, true)), 1, (sim, ps) -> sim.spawn("user", () -> {
            ps.shutdownTenant();
            assertEquals("ShuttingDown", ps.branch("main", "t2").error());
        }));
        assertEquals(Outcome.Kind.OK, result(r).outcome().kind(), result(r).outcome().summary());
        assertEquals(0, ps(r).peekTenant().peekGateHolders());
    }

    /**
     * Random schedules of a branch and an unoffload racing a restart: neither acknowledges into nor writes
     * behind the next generation (presence, manifest-consistency, endpoint-start and the rest stay quiet).
     * stopping-terminal is left out: activation racing set_stopping is #10297, which Neon has at both commits.
     */
    @Test
    void branchAndUnoffloadRacingARestartRaiseNoAlarmOnTheFix() {
        var oracles = new java.util.TreeSet<>(offloadsim.model.oracles.OracleNames.ALL);
        oracles.remove(offloadsim.model.oracles.OracleNames.STOPPING_TERMINAL);
        oracles.remove(offloadsim.model.oracles.OracleNames.PANIC);
        for (long seed = 1; seed <= 300; seed++) {
            Object[] r = Runs.run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", true, true)), seed, oracles, (sim, ps) -> {
                sim.spawn("user1", () -> ps.branch("main", "t2"));
                sim.spawn("user2", () -> {
                    ps.unarchive("t1");
                    ps.getTimeline("t1", true);
                });
                sim.spawn("operator", ps::restart);
            });
            assertEquals(Outcome.Kind.OK, result(r).outcome().kind(), "seed " + seed + ": " + result(r).outcome().summary());
        }
    }

    // ------------------------------------------------------------------ #2 DeleteTimelineFlow::run

    /** A loaded timeline whose index vanished: Rust persists deleted_at through its own stopped client (no download) and finishes the deletion. */
    @Test
    void deleteOfALoadedTimelineWithoutIndexFinishes() {
        Object[] r = run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", false, false)), 1, (sim, ps) -> sim.spawn("user", () -> {
            ps.remote().deleteAll("t1");
            assertTrue(ps.delete("t1").ok());
        }));
        assertEquals(Outcome.Kind.OK, result(r).outcome().kind(), result(r).outcome().summary());
        assertFalse(ps(r).peekTenant().peekTimelines().containsKey("t1"));
        assertNull(ps(r).remote().peek().indices().get("t1"));
        assertTrue(result(r).trace().text().contains("t1 index uploaded with deleted_at"));
    }

    /** An offloaded timeline whose index is gone: Ok (202), the guard dropped and the entry left behind (#12366's shape: delete-terminates fires). */
    @Test
    void deleteOfAnOffloadedTimelineWithoutIndexAnswersOkAndLeavesTheEntry() {
        // the index is removed behind the tenant's back, so manifest-consistency would fire first: check delete-terminates alone
        Object[] r = Runs.run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", true, true)), 1,
                java.util.Set.of(offloadsim.model.oracles.OracleNames.DELETE_TERMINATES), (sim, ps) -> sim.spawn("user", () -> {
            ps.remote().deleteAll("t1");
            assertTrue(ps.delete("t1").ok());
        }));
        var t = ps(r).peekTenant();
        assertTrue(t.peekOffloaded().containsKey("t1"));
        assertFalse(t.peekOffloaded().get("t1").deleteProgress.peekHeld());
        assertEquals("delete-terminates", result(r).outcome().oracle(), result(r).outcome().summary());
    }

    // ------------------------------------------------------------------ #3 ShutdownMode

    /** Delete shuts down Hard: the queued archival upload is dropped (its waiter gets Cancelled) and a failing upload does not block it. */
    @Test
    void hardShutdownDropsQueuedUploadsAndCancelsRetries() {
        for (long seed = 1; seed <= 20; seed++) {
            Object[] r = run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", true, false)), seed, (sim, ps) -> {
                sim.failpoints().configure("remote-upload-index", Failpoints.Mode.FAIL);
                sim.spawn("user", () -> ps.unarchive("t1"));
                sim.spawn("deleter", () -> {
                    sim.sleep(2_000_000_000L, "test/sleep");
                    ps.delete("t1");
                });
            });
            Pageserver ps = ps(r);
            assertEquals("Cancelled", answer(ps, "unarchive", "t1").error(), "seed " + seed);
            assertTrue(answer(ps, "delete", "t1").ok(), "seed " + seed);
            assertFalse(ps.peekTenant().peekTimelines().containsKey("t1"), "seed " + seed + ": " + ps.describeState());
        }
    }

    /**
     * An archival call while a delete shuts the timeline down Hard (its upload paused in flight): the
     * timeline is cancelled before the queue stops, so the refused schedule answers Cancelled (503), as
     * the Rust does; a draining shutdown would still answer Other (500) there, the timeline not yet cancelled.
     */
    @Test
    void archivalCallDuringAHardShutdownIsCancelled() {
        String[] got = new String[1];
        Object[] r = run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", true, false)), 1, (sim, ps) -> {
            sim.failpoints().configure("remote-upload-index", Failpoints.Mode.PAUSE);
            sim.spawn("user", () -> ps.unarchive("t1"));
            sim.spawn("operator", () -> {
                sim.failpoints().awaitPaused("remote-upload-index", "test/await-paused");
                TaskHandle delete = sim.spawn("deleter", () -> ps.delete("t1"));
                settle(sim, 20);
                got[0] = ps.archive("t1").error();
                sim.failpoints().release("remote-upload-index");
                delete.join();
            });
        });
        assertEquals("Cancelled", got[0], result(r).trace().text());
        assertEquals("Cancelled", answer(ps(r), "unarchive", "t1").error());
        assertTrue(answer(ps(r), "delete", "t1").ok());
    }

    // ------------------------------------------------------------------ #4 creation's wait

    /** Creation waits for its index upload without a timeout: an upload failing for 15 s still ends in an active child. */
    @Test
    void creationWaitsWithoutTimeout() {
        Object[] r = run(Variant.FIX_10305, world(), 1, (sim, ps) -> {
            sim.failpoints().configure("remote-upload-index", Failpoints.Mode.FAIL);
            sim.spawn("user", () -> assertTrue(ps.branch("main", "t2").ok()));
            sim.spawn("operator", () -> {
                sim.sleep(15_000_000_000L, "test/sleep");
                sim.failpoints().configure("remote-upload-index", Failpoints.Mode.OFF);
            });
        });
        assertEquals(Outcome.Kind.OK, result(r).outcome().kind(), result(r).outcome().summary());
        assertTrue(answer(ps(r), "branch", "t2").ok());
        assertEquals(TimelineState.ACTIVE, ps(r).peekTenant().peekTimelines().get("t2").peekState());
    }

    /** A detach stops the child's queue under the waiting creation: ShuttingDown, and the detach returns only after the creation did. */
    @Test
    void creationOnAStoppedQueueIsShuttingDown() {
        Object[] r = run(Variant.FIX_10305, world(), 1, (sim, ps) -> {
            sim.failpoints().configure("remote-upload-index", Failpoints.Mode.FAIL);
            sim.spawn("user", () -> ps.branch("main", "t2"));
            sim.spawn("operator", () -> {
                sim.sleep(3_000_000_000L, "test/sleep");
                ps.shutdownTenant();
            });
        });
        assertEquals("ShuttingDown", answer(ps(r), "branch", "t2").error(), result(r).trace().text());
        assertTrue(position(ps(r), "branch") < position(ps(r), "shutdown"));
    }

    private static Class<?> declaringClassOfFinishCreationRefusal(Variant v) {
        try {
            return v.getClass().getMethod("finishCreationRefusal", offloadsim.model.tenant.Tenant.class, offloadsim.model.timeline.Timeline.class).getDeclaringClass();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
