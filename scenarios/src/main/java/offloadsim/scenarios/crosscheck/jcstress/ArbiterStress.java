package offloadsim.scenarios.crosscheck.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import offloadsim.scenarios.crosscheck.standin.StandInPageserver;
import offloadsim.scenarios.crosscheck.standin.StandInPageserver.NotInitialized;
import offloadsim.scenarios.crosscheck.standin.StandInPageserver.ShutdownIfArchived;
import offloadsim.scenarios.crosscheck.standin.StandInPageserver.Timeline;
import offloadsim.sim.jvm.JvmSim;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZZZ_Result;

/**
 * jcstress on the arbiter itself (the stand-in's RemoteTimelineClient/UploadQueue and Timeline on JvmSim):
 * actor 1 is offload's arbiter step, actor 2 is unarchive's schedule_index_upload_for_timeline_archival_state
 * (Unarchived) with its upload completing inline. The timeline starts Active with dirty = clean = archived,
 * i.e. right after compaction's snapshot said can_offload.
 *
 * <p>Result: r1 = timeline Active (an endpoint can start), r2 = persisted (clean) archived, r3 = offload went
 * ahead (queue shut down), r4 = unarchive acknowledged.
 */
public final class ArbiterStress {
    private ArbiterStress() {}

    static final JvmSim SIM = new JvmSim(true, 1, false);

    static void unarchive(Timeline tl, ZZZZ_Result r) {
        try {
            boolean needWait = tl.rq.scheduleArchival(false);
            r.r4 = !needWait || tl.rq.waitCompletion(false);
        } catch (NotInitialized e) {
            r.r4 = false; // 500 Other: the client retries and takes the unoffload path
        }
    }

    static void observe(Timeline tl, ZZZZ_Result r) {
        r.r1 = tl.isActive();
        r.r2 = tl.rq.cleanArchived();
    }

    @JCStressTest
    @State
    @Description("pre-10305: prepare sets Stopping, then is_archived() (then shutdown in a separate L_Q section) vs unarchive")
    @Outcome(id = "false, false, false, true", expect = ACCEPTABLE_INTERESTING, desc = "unarchived but Stopping: #10220 (offload backed off with NotArchived, timeline left Stopping)")
    @Outcome(id = "false, false, true, true", expect = ACCEPTABLE_INTERESTING, desc = "offload went ahead although the unarchive was acknowledged and persisted (I4; from_timeline would panic)")
    @Outcome(id = "false, true, true, false", expect = ACCEPTABLE, desc = "offload won; unarchive refused (retryable), timeline offloaded archived")
    @Outcome(expect = FORBIDDEN, desc = "not a state of the pre-10305 arbiter (harness bug)")
    public static class Pre {
        final Timeline tl = StandInPageserver.archivedTimeline(SIM, "t1");

        @Actor
        public void offload(ZZZZ_Result r) {
            tl.setStopping();
            Boolean archived = tl.rq.isArchived();
            if (Boolean.TRUE.equals(archived)) {
                tl.rq.shutdown();
                r.r3 = true;
            }
        }

        @Actor
        public void unarchive(ZZZZ_Result r) {
            ArbiterStress.unarchive(tl, r);
        }

        @Arbiter
        public void arbiter(ZZZZ_Result r) {
            observe(tl, r);
        }
    }

    @JCStressTest
    @State
    @Description("fix-10305: shutdown_if_archived() (check dirty and clean, set shutting_down, one L_Q section), then Stopping, vs unarchive")
    @Outcome(id = "true, false, false, true", expect = ACCEPTABLE, desc = "unarchive won the arbiter; offload NotArchived; timeline Active and unarchived")
    @Outcome(id = "false, true, true, false", expect = ACCEPTABLE, desc = "offload won the arbiter; unarchive refused (retryable), timeline offloaded archived")
    @Outcome(id = "false, false, false, true", expect = FORBIDDEN, desc = "unarchived but Stopping: #10220")
    @Outcome(id = "false, false, true, true", expect = FORBIDDEN, desc = "offload went ahead although the unarchive was acknowledged")
    @Outcome(expect = FORBIDDEN, desc = "not a state of the fix-10305 arbiter")
    public static class Fix {
        final Timeline tl = StandInPageserver.archivedTimeline(SIM, "t1");

        @Actor
        public void offload(ZZZZ_Result r) {
            if (tl.rq.shutdownIfArchived() == ShutdownIfArchived.OK) {
                tl.rq.shutdown();
                tl.setStopping();
                r.r3 = true;
            }
        }

        @Actor
        public void unarchive(ZZZZ_Result r) {
            ArbiterStress.unarchive(tl, r);
        }

        @Arbiter
        public void arbiter(ZZZZ_Result r) {
            observe(tl, r);
        }
    }

    /**
     * Canary for the harness: the pre-10305 actors graded with the fix's outcome table, so the #10220 outcome is
     * FORBIDDEN. It must make jcstress fail ("Observed forbidden state") and be counted as forbidden; this proves
     * that a FORBIDDEN result on the fixed variants would fail the build.
     */
    @JCStressTest
    @State
    @Description("harness canary: pre-10305 arbiter graded as fix-10305 (must be reported FORBIDDEN)")
    @Outcome(id = "true, false, false, true", expect = ACCEPTABLE, desc = "unarchive won the arbiter")
    @Outcome(id = "false, true, true, false", expect = ACCEPTABLE, desc = "offload won the arbiter")
    @Outcome(expect = FORBIDDEN, desc = "#10220-class outcome: must fail the run")
    public static class CanaryPreGradedAsFix {
        final Timeline tl = StandInPageserver.archivedTimeline(SIM, "t1");

        @Actor
        public void offload(ZZZZ_Result r) {
            tl.setStopping();
            if (Boolean.TRUE.equals(tl.rq.isArchived())) {
                tl.rq.shutdown();
                r.r3 = true;
            }
        }

        @Actor
        public void unarchive(ZZZZ_Result r) {
            ArbiterStress.unarchive(tl, r);
        }

        @Arbiter
        public void arbiter(ZZZZ_Result r) {
            observe(tl, r);
        }
    }
}
