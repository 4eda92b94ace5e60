package offloadsim.model;

import static offloadsim.model.LifecycleFidelityTest.answer;
import static offloadsim.model.LifecycleFidelityTest.position;
import static offloadsim.model.LifecycleFidelityTest.ps;
import static offloadsim.model.LifecycleFidelityTest.result;
import static offloadsim.model.LifecycleFidelityTest.run;
import static offloadsim.model.LifecycleFidelityTest.settle;
import static offloadsim.model.LifecycleFidelityTest.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import offloadsim.model.remote.IndexPart;
import offloadsim.model.remote.RemoteStorage;
import offloadsim.model.remote.RemoteTimelineClient;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.model.tenant.TenantState;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.api.Failpoints;
import offloadsim.sim.api.TaskHandle;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import org.junit.jupiter.api.Test;

/** Attach (#5, #19), task_mgr at shutdown (#7), the create handler (#13), error names (#17), poisoning (#18), Q2. */
class AttachAndTasksFidelityTest {

    // ------------------------------------------------------------------ #5 attach

    /** A manifest entry whose prefix exists is offloaded without its index being read, even a deleted one. */
    @Test
    void manifestEntryWithADeletedIndexStaysOffloaded() {
        Object[] r = run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", true, true)), 1, (sim, ps) -> sim.spawn("op", () -> {
            ps.remote().upload(new IndexPart("t1", "main", true, true), RemoteStorage.SEED_GENERATION);
            ps.restart();
        }));
        var t = ps(r).peekTenant();
        assertEquals(2, t.generation);
        assertTrue(t.peekOffloaded().containsKey("t1"), ps(r).describeState());
        assertFalse(t.peekTimelines().containsKey("t1"));
    }

    /** A deleted index outside the manifest resumes deletion: t1 sits Stopping in timelines with its guard held, then the background part removes it. */
    @Test
    void aDeletedIndexResumesDeletion() {
        TimelineState[] during = new TimelineState[1];
        boolean[] guardHeld = new boolean[1];
        Object[] r = run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", false, false)), 1, (sim, ps) -> {
            sim.failpoints().configure("in_progress_delete", Failpoints.Mode.PAUSE);
            sim.spawn("op", () -> {
                ps.remote().upload(new IndexPart("t1", "main", false, true), RemoteStorage.SEED_GENERATION);
                ps.restart();
                sim.failpoints().awaitPaused("in_progress_delete", "test/await-paused");
                var t1 = ps.peekTenant().peekTimelines().get("t1");
                during[0] = t1.peekState();
                guardHeld[0] = t1.deleteProgress.peekHeld();
                sim.failpoints().release("in_progress_delete");
            });
        });
        assertEquals(TimelineState.STOPPING, during[0]);
        assertTrue(guardHeld[0]);
        assertEquals(Outcome.Kind.OK, result(r).outcome().kind(), result(r).outcome().summary());
        assertFalse(ps(r).peekTenant().peekTimelines().containsKey("t1"));
        assertNull(ps(r).remote().peek().indices().get("t1"));
        assertEquals(TenantState.ACTIVE, ps(r).peekTenant().peekState());
    }

    /** A dangling manifest entry (no prefix) is dropped and the manifest re-uploaded by the next generation at attach. */
    @Test
    void danglingManifestEntriesAreDroppedAndTheManifestReuploaded() {
        Object[] r = run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", true, true)), 1, (sim, ps) -> sim.spawn("op", () -> {
            ps.remote().deleteAll("t1");
            ps.restart();
        }));
        assertTrue(result(r).trace().text().contains("manifest: g2 uploaded offloaded=[]"), result(r).trace().text());
        assertTrue(ps(r).remote().peek().manifest().isEmpty());
        assertEquals(Outcome.Kind.OK, result(r).outcome().kind(), result(r).outcome().summary());
    }

    /** The last uploaded manifest starts as None: the first store uploads even when the offloaded set is what remote storage has. */
    @Test
    void theFirstStoreUploads() {
        Object[] r = run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", true, true), new TimelineSpec("t2", "main", false, false)), 1,
                (sim, ps) -> sim.spawn("user", () -> assertTrue(ps.delete("t2").ok())));
        assertTrue(result(r).trace().text().contains("manifest: g1 uploaded offloaded=[t1]"), result(r).trace().text());
    }

    // ------------------------------------------------------------------ #19 generations

    @Test
    void indicesAndManifestsAreKeptPerGeneration() {
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(1);
        List<Object> seen = new ArrayList<>();
        DetSim.run(sim -> {
            RemoteStorage rs = new RemoteStorage(sim);
            rs.seed(new IndexPart("t1", null, true, false), true);
            sim.spawn("io", () -> {
                rs.upload(new IndexPart("t1", null, false, false), 3);
                rs.upload(new IndexPart("t1", null, true, false), 2); // an older generation writes late
                seen.add(rs.download("t1", 3).archived());
                seen.add(rs.download("t1", 2).archived());
                seen.add(rs.snapshot(4).indices().get("t1").archived()); // attach reads the latest generation's
                rs.uploadManifest(new TreeMap<>(), 3);
                var m = new TreeMap<String, String>();
                m.put("t1", null);
                rs.uploadManifest(m, 2);
                seen.add(rs.snapshot(4).manifest().isEmpty());
                seen.add(rs.snapshot(2).manifest().contains("t1"));
            });
            return Oracles.NONE;
        }, rw, 1, RunOptions.defaults());
        assertEquals(List.of(false, true, false, true, true), seen);
    }

    // ------------------------------------------------------------------ #7 task_mgr::shutdown_tasks

    /** A deletion worker registered before the restart's scan is joined: the restart waits for it. */
    @Test
    void restartJoinsADeletionWorker() {
        for (long seed = 1; seed <= 10; seed++) {
            boolean[] doneWhilePaused = {false};
            Object[] r = run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", false, false)), seed, (sim, ps) -> {
                sim.failpoints().configure("in_progress_delete", Failpoints.Mode.PAUSE);
                sim.spawn("user", () -> assertTrue(ps.delete("t1").ok()));
                sim.spawn("operator", () -> {
                    sim.failpoints().awaitPaused("in_progress_delete", "test/await-paused");
                    TaskHandle restart = sim.spawn("restart", ps::restart);
                    settle(sim, 40);
                    doneWhilePaused[0] = restart.isDone();
                    sim.failpoints().release("in_progress_delete");
                    restart.join();
                });
            });
            assertFalse(doneWhilePaused[0], "seed " + seed);
            assertEquals(Outcome.Kind.OK, result(r).outcome().kind(), "seed " + seed + ": " + result(r).outcome().summary());
        }
    }

    /** shutdown_tasks joins what it saw when it scanned; a task registered afterwards outlives it (#10389-F stays reachable). */
    @Test
    void aTaskSpawnedAfterTheScanOutlivesShutdownTasks() {
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(1);
        List<String> log = new ArrayList<>();
        RunResult r = DetSim.run(sim -> {
            TaskMgr mgr = new TaskMgr(sim, "t");
            var release = sim.latch("release late task");
            mgr.spawn(TaskMgr.Kind.TIMELINE_DELETION_WORKER, "t1", "early", cancel -> {
                sim.yieldPoint("early/work");
                log.add("early done");
            });
            sim.spawn("shutdown", () -> {
                mgr.shutdownTasks(null, null, "shutdown_tasks");
                log.add("shutdown returned");
                release.open();
            });
            sim.spawn("late spawner", () -> {
                sim.yieldPoint("late/before spawn");
                mgr.spawn(TaskMgr.Kind.TIMELINE_DELETION_WORKER, "t2", "late", cancel -> {
                    release.await("late/wait");
                    log.add("late done");
                });
            });
            return Oracles.NONE;
        }, rw, 1, RunOptions.defaults());
        assertEquals(Outcome.Kind.OK, r.outcome().kind(), r.outcome().summary());
        assertTrue(log.indexOf("early done") < log.indexOf("shutdown returned"), log.toString());
        assertTrue(log.indexOf("shutdown returned") < log.indexOf("late done"), log.toString());
    }

    /** An upload retrying against a failing remote gives up once its task is cancelled: a detach returns. */
    @Test
    void uploadRetriesStopOnCancellation() {
        Object[] r = run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", true, false)), 1, (sim, ps) -> {
            sim.failpoints().configure("remote-upload-index", Failpoints.Mode.FAIL);
            sim.spawn("user", () -> ps.unarchive("t1"));
            sim.spawn("operator", () -> {
                sim.sleep(3_000_000_000L, "test/sleep");
                ps.shutdownTenant();
            });
        });
        assertNotNull(answer(ps(r), "shutdown", null));
        assertTrue(result(r).trace().text().contains("upload task cancelled by shutdown request"));
        assertEquals("Cancelled", answer(ps(r), "unarchive", "t1").error());
    }

    // ------------------------------------------------------------------ #13 the create handler waits for Active

    @Test
    void branchDuringAttachWaitsForTheTenant() {
        for (long seed = 1; seed <= 30; seed++) {
            Object[] r = run(Variant.FIX_10305, world(), seed, (sim, ps) -> {
                sim.spawn("operator", ps::restart);
                sim.spawn("user", () -> {
                    while (ps.peekTenant().generation == 1) sim.yieldPoint("test/wait for the new instance");
                    ps.branch("main", "t2");
                });
            });
            OpResult b = answer(ps(r), "branch", "t2");
            assertTrue(b.ok(), "seed " + seed + ": " + b);
        }
    }

    // ------------------------------------------------------------------ #17 error names

    @Test
    void errorNamesAreTheRusts() {
        Object[] r = run(Variant.FIX_10305, world(new TimelineSpec("t1", "main", true, true)), 1, (sim, ps) -> sim.spawn("user", () -> {
            assertEquals("Other(Cannot branch off the timeline that's not present in pageserver)", ps.branch("nope", "t2").error());
            assertTrue(ps.branch("main", "t2").ok());
            assertTrue(ps.branch("main", "t2").ok(), "a retry with the same ancestor is idempotent");
            assertEquals("Conflict", ps.branch("t2", "t2").error());
            assertEquals("Conflict", ps.branch("main", "t1").error(), "offloaded id");
            sim.failpoints().configure("remote-upload-manifest", Failpoints.Mode.FAIL);
            assertEquals("Other(RemoteStorage)", ps.unarchive("t1").error());
        }));
        assertNotNull(ps(r));
    }

    // ------------------------------------------------------------------ #18 poisoning

    /** A panic under timelines (branch racing an offload on pre-10305) poisons the std mutex, says the tenant is wedged, and releases the DeletionGuard. */
    @Test
    void aPanicUnderAStdMutexWedgesTheTenant() {
        TimelineSpec t1 = new TimelineSpec("t1", "main", true, false);
        for (long seed = 1; seed <= 5000; seed++) {
            Object[] r = run(Variant.PRE_10305, world(t1), seed, (sim, ps) -> {
                sim.spawn("compaction", ps::compactionIteration);
                sim.spawn("user", () -> ps.branch("t1", "t2"));
            });
            Outcome o = result(r).outcome();
            if (o.kind() != Outcome.Kind.PANIC || !o.message().contains("grew children")) continue;
            assertTrue(o.message().contains("is wedged") && o.message().contains("PoisonError"), o.message());
            var t = ps(r).peekTenant();
            assertTrue(t.poisonedLocks().contains("timelines g1"), t.poisonedLocks().toString());
            assertTrue(ps(r).describeState().contains("wedged"), ps(r).describeState());
            var guard = t.peekTimelines().containsKey("t1") ? t.peekTimelines().get("t1").deleteProgress : null;
            if (guard != null) assertFalse(guard.peekHeld(), "the DeletionGuard is released on unwind");
            return;
        }
        throw new AssertionError("no seed reached the 'grew children' panic");
    }

    // ------------------------------------------------------------------ Q2

    @Test
    void initializeRefusesAnythingButUninitialized() {
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(1);
        List<String> got = new ArrayList<>();
        DetSim.run(sim -> {
            RemoteStorage remote = new RemoteStorage(sim);
            var rc = new RemoteTimelineClient(sim, "t1", null, remote, new Findings(sim), 1, new TaskMgr(sim, "t"));
            sim.spawn("t", () -> {
                rc.initUploadQueue(false);
                got.add(assertThrows(IllegalStateException.class, () -> rc.initUploadQueue(false)).getMessage());
                rc.stop();
                got.add(assertThrows(IllegalStateException.class, () -> rc.initUploadQueue(false)).getMessage());
            });
            return Oracles.NONE;
        }, rw, 1, RunOptions.defaults());
        assertEquals(2, got.size());
        assertTrue(got.get(1).contains("STOPPED"), got.toString());
    }
}
