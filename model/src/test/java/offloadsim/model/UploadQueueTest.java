package offloadsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import offloadsim.model.remote.RemoteStorage;
import offloadsim.model.remote.RemoteTimelineClient;
import offloadsim.model.remote.RemoteTimelineClient.ShutdownIfArchived;
import offloadsim.model.remote.RemoteTimelineClient.WaitResult;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import org.junit.jupiter.api.Test;

/** The upload queue's state machine, driven through RemoteTimelineClient inside one task. */
class UploadQueueTest {

    interface Body {
        void run(RemoteTimelineClient rc, RemoteStorage remote, List<Object> log);
    }

    static List<Object> drive(boolean archived, Body body) {
        List<Object> log = new ArrayList<>();
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(1);
        RunResult r = DetSim.run(sim -> {
            RemoteStorage remote = new RemoteStorage(sim);
            RemoteTimelineClient rc = new RemoteTimelineClient(sim, "t1", "main", remote, new Findings(sim), 1, new TaskMgr(sim, "test"));
            rc.initFromIndexAtSetup(archived);
            sim.spawn("test", () -> body.run(rc, remote, log));
            return Oracles.NONE;
        }, rw, 1, RunOptions.defaults());
        assertEquals(Outcome.Kind.OK, r.outcome().kind(), r.outcome().summary());
        return log;
    }

    @Test
    void archivalChangeSetsDirtyAtOnceAndCleanWhenTheUploadCompletes() {
        List<Object> log = drive(true, (rc, remote, l) -> {
            l.add(rc.scheduleIndexUploadForTimelineArchivalState(false)); // must wait: clean still archived
            l.add(rc.isArchived()); // reads clean only
            l.add(rc.waitCompletion("test/wait", RemoteTimelineClient.NO_TIMEOUT));
            l.add(rc.isArchived());
            l.add(remote.download("t1").archived());
            l.add(rc.scheduleIndexUploadForTimelineArchivalState(false)); // no change, nothing to wait for
        });
        assertEquals(List.of(true, true, WaitResult.OK, false, false, false), log);
    }

    @Test
    void theArbiterRefusesUnlessDirtyAndCleanAreArchived() {
        assertEquals(List.of(true, ShutdownIfArchived.NOT_ARCHIVED, true), drive(true, (rc, remote, l) -> {
            l.add(rc.scheduleIndexUploadForTimelineArchivalState(false)); // dirty unarchived, clean archived
            l.add(rc.shutdownIfArchived());
            l.add(rc.isArchived() != null); // still usable: nothing was shut down
        }));
        assertEquals(List.of(ShutdownIfArchived.NOT_ARCHIVED), drive(false, (rc, remote, l) -> l.add(rc.shutdownIfArchived())));
    }

    @Test
    void onceTheArbiterLetsOffloadThroughNoArchivalChangeCanBeScheduled() {
        List<Object> log = drive(true, (rc, remote, l) -> {
            l.add(rc.archivedAtStoppedQueue());
            l.add(rc.shutdownIfArchived());
            l.add(rc.scheduleIndexUploadForTimelineArchivalState(false));
            l.add(rc.isArchived());
            l.add(rc.archivedAtStoppedQueue());
            l.add(rc.waitCompletion("test/wait", RemoteTimelineClient.NO_TIMEOUT));
            l.add(rc.shutdownIfArchived()); // retried offload: NotInitialized, which offload tolerates
        });
        List<Object> expected = new ArrayList<>();
        expected.add(null);
        expected.add(ShutdownIfArchived.OK);
        expected.add(null);
        expected.add(null);
        expected.add(true);
        expected.add(WaitResult.NOT_INITIALIZED);
        expected.add(ShutdownIfArchived.NOT_INITIALIZED);
        assertEquals(expected, log);
    }

    @Test
    void shutdownDrainsQueuedUploadsFirst() {
        List<Object> log = drive(true, (rc, remote, l) -> {
            rc.scheduleIndexUploadForTimelineArchivalState(false);
            rc.shutdown();
            l.add(rc.archivedAtStoppedQueue()); // the unarchive upload completed during the drain
            l.add(remote.download("t1").archived());
            l.add(rc.describe());
        });
        assertEquals(false, log.get(0));
        assertEquals(false, log.get(1));
        assertTrue(((String) log.get(2)).startsWith("STOPPED_DELETABLE"), String.valueOf(log.get(2)));
    }

    @Test
    void noPendingWorkTracksQueuedAndInFlightUploads() {
        List<Object> log = drive(true, (rc, remote, l) -> {
            l.add(rc.noPendingWork());
            rc.scheduleIndexUploadForTimelineArchivalState(false);
            l.add(rc.noPendingWork());
            rc.waitCompletion("test/wait", RemoteTimelineClient.NO_TIMEOUT);
            l.add(rc.noPendingWork());
        });
        assertEquals(List.of(true, false, true), log);
    }
}
