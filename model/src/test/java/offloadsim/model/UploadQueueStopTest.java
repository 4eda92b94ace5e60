package offloadsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import offloadsim.model.remote.RemoteStorage;
import offloadsim.model.remote.RemoteTimelineClient;
import offloadsim.model.remote.RemoteTimelineClient.ShutdownIfArchived;
import offloadsim.model.remote.RemoteTimelineClient.WaitResult;
import offloadsim.sim.api.Failpoints;
import offloadsim.sim.api.Sim;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import org.junit.jupiter.api.Test;

/**
 * Cases of the upload queue not covered by UploadQueueTest: the arbiter with dirty archived but clean
 * unarchived, a barrier dropped by stop (wait_completion answers STOPPED), stop freezing clean while an
 * upload is in flight, and archived_at_stopped_queue before and after stop. Every case runs for several
 * seeds: the answers must not depend on the schedule.
 */
class UploadQueueStopTest {
    static final String UPLOAD_FP = "remote-upload-index";

    interface Body {
        void run(Sim sim, RemoteTimelineClient rc, RemoteStorage remote, List<Object> log);
    }

    static List<Object> drive(boolean archived, long seed, Body body) {
        List<Object> log = new ArrayList<>();
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(seed);
        RunResult r = DetSim.run(sim -> {
            RemoteStorage remote = new RemoteStorage(sim);
            RemoteTimelineClient rc = new RemoteTimelineClient(sim, "t1", "main", remote, new Findings(sim), 1, new TaskMgr(sim, "test"));
            rc.initFromIndexAtSetup(archived);
            sim.spawn("test", () -> body.run(sim, rc, remote, log));
            return Oracles.NONE;
        }, rw, seed, RunOptions.defaults());
        assertEquals(Outcome.Kind.OK, r.outcome().kind(), r.outcome().summary());
        return log;
    }

    @Test
    void theArbiterRefusesWhenOnlyDirtyIsArchived() {
        for (long seed = 1; seed <= 10; seed++) {
            List<Object> log = drive(false, seed, (sim, rc, remote, l) -> {
                sim.failpoints().configure(UPLOAD_FP, Failpoints.Mode.PAUSE); // hold the upload in flight
                l.add(rc.scheduleIndexUploadForTimelineArchivalState(true)); // dirty archived, clean not yet
                l.add(rc.describe());
                l.add(rc.shutdownIfArchived());
                l.add(rc.isArchived()); // queue still usable; is_archived reads clean only
                sim.failpoints().release(UPLOAD_FP);
                l.add(rc.waitCompletion("test/wait", RemoteTimelineClient.NO_TIMEOUT));
                l.add(rc.isArchived());
                l.add(rc.shutdownIfArchived()); // now both archived
                l.add(rc.scheduleIndexUploadForTimelineArchivalState(false)); // NotInitialized after the arbiter
                l.add(rc.archivedAtStoppedQueue());
            });
            assertEquals(true, log.get(0), "must wait: clean still unarchived");
            assertTrue(((String) log.get(1)).contains("dirty=archived,clean=unarchived"), String.valueOf(log.get(1)));
            assertEquals(ShutdownIfArchived.NOT_ARCHIVED, log.get(2), "seed " + seed);
            assertEquals(false, log.get(3), "still usable after a refusal, and reads clean (unarchived)");
            assertEquals(WaitResult.OK, log.get(4));
            assertEquals(true, log.get(5));
            assertEquals(ShutdownIfArchived.OK, log.get(6));
            assertNull(log.get(7), "schedule after the arbiter let offload through is NotInitialized");
            assertEquals(true, log.get(8));
        }
    }

    @Test
    void waitCompletionAnswersStoppedWhenStopDropsItsBarrier() {
        for (long seed = 1; seed <= 10; seed++) {
            List<Object> log = drive(true, seed, (sim, rc, remote, l) -> {
                sim.failpoints().configure(UPLOAD_FP, Failpoints.Mode.PAUSE);
                l.add(rc.archivedAtStoppedQueue()); // not stopped yet
                rc.scheduleIndexUploadForTimelineArchivalState(false); // upload in flight, paused below
                List<Object> waiter = new ArrayList<>();
                var w = sim.spawn("waiter", () -> waiter.add(rc.waitCompletion("test/wait", RemoteTimelineClient.NO_TIMEOUT)));
                sim.failpoints().awaitPaused(UPLOAD_FP, "test/await-upload");
                while (!rc.describe().contains("queued=1")) sim.yieldPoint("test/until-barrier-queued");
                l.add(rc.describe());
                rc.stop();
                l.add(rc.describe());
                sim.failpoints().release(UPLOAD_FP);
                w.join();
                while (!rc.noPendingWork()) sim.yieldPoint("test/until-upload-done"); // the in-flight upload finishes
                l.add(waiter.getFirst());
                l.add(rc.archivedAtStoppedQueue()); // clean frozen at stop: the upload finished after
                l.add(remote.download("t1").archived()); // ... but did reach remote storage
                l.add(rc.scheduleIndexUploadForTimelineArchivalState(true));
                l.add(rc.isArchived());
                l.add(rc.waitCompletion("test/wait-after-stop", RemoteTimelineClient.NO_TIMEOUT));
            });
            String before = (String) log.get(1);
            assertNull(log.get(0));
            assertTrue(before.startsWith("INITIALIZED(dirty=unarchived,clean=archived") && before.contains("queued=1")
                    && before.contains("in_progress=1"), before);
            assertTrue(((String) log.get(2)).startsWith("STOPPED_DELETABLE"), String.valueOf(log.get(2)));
            assertTrue(!((String) log.get(2)).contains("queued="), "stop drops what is queued: " + log.get(2));
            assertEquals(WaitResult.STOPPED, log.get(3), "seed " + seed);
            assertEquals(true, log.get(4), "clean stays as it was at stop");
            assertEquals(false, log.get(5), "the in-flight upload still completed remotely");
            assertNull(log.get(6));
            assertNull(log.get(7));
            assertEquals(WaitResult.NOT_INITIALIZED, log.get(8));
        }
    }

    @Test
    void stopOnAQuietQueueFreezesBothFlagsAndIsIdempotent() {
        List<Object> log = drive(false, 1, (sim, rc, remote, l) -> {
            l.add(rc.archivedAtStoppedQueue());
            rc.stop();
            l.add(rc.archivedAtStoppedQueue());
            l.add(rc.describe());
            rc.stop();
            rc.shutdown(); // already stopped: returns at once
            l.add(rc.describe());
            l.add(rc.shutdownIfArchived());
        });
        List<Object> expected = new ArrayList<>();
        expected.add(null);
        expected.add(false);
        expected.add("STOPPED_DELETABLE(dirty=unarchived,clean=unarchived)");
        expected.add("STOPPED_DELETABLE(dirty=unarchived,clean=unarchived)");
        expected.add(ShutdownIfArchived.NOT_INITIALIZED);
        assertEquals(expected, log);
    }
}
