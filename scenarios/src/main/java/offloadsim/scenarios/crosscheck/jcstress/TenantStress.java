package offloadsim.scenarios.crosscheck.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import offloadsim.model.OpResult;
import offloadsim.model.Variant;
import offloadsim.scenarios.crosscheck.Subject;
import offloadsim.scenarios.crosscheck.TenantApi;
import offloadsim.sim.jvm.JvmSim;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZZZ_Result;

/**
 * jcstress on the whole flow through the tenant facade, so it runs on the model through the Pageserver
 * contract alone: actor 1 = one compaction iteration (snapshot can_offload for archived t1, compact,
 * auto-offload), actor 2 = unarchive(t1) (no client retry). A fresh tenant per jcstress state, on
 * {@code JvmSim(inlineSpawn=true)} (uploads complete inside the operation).
 *
 * <p>Result: r1 = getTimeline(t1, activeOnly) ok (an endpoint can start), r2 = t1 offloaded (not in
 * {@code timelines}), r3 = compaction ok, r4 = unarchive acknowledged.
 */
public final class TenantStress {
    private TenantStress() {}

    static final JvmSim SIM = new JvmSim(true, 1, false);

    /**
     * The #10220 outcomes ("unarchived but Stopping": the endpoint cannot start, t1 not offloaded, the unarchive
     * acknowledged), whatever compaction answered; what the bench counts as stranded-Stopping samples.
     */
    public static final java.util.List<String> STRANDED_STOPPING = java.util.List.of("false, false, false, true", "false, false, true, true");

    static void compaction(TenantApi tenant, ZZZZ_Result r) {
        try {
            r.r3 = tenant.compactionIteration().ok();
        } catch (offloadsim.sim.api.Panic p) {
            // the pre-fix code can panic here ("must be called on an archived timeline"): an outcome, not a harness error
            r.r3 = false;
        }
    }

    static void unarchive(TenantApi tenant, ZZZZ_Result r) {
        r.r4 = tenant.unarchive("t1").ok();
    }

    static void observe(TenantApi tenant, ZZZZ_Result r) {
        r.r1 = tenant.getTimeline("t1", true).ok();
        OpResult any = tenant.getTimeline("t1", false);
        r.r2 = !any.ok() && "NotFound".equals(any.error());
    }

    // Outcomes shared by both variants
    //   "true, false, true, true"  : unarchive first (no offload) or offload completed first (then unoffload)
    //   "false, true, true, false" : offload in flight won; unarchive refused (retryable)

    @JCStressTest
    @State
    @Description("pre-10305 tenant: compaction iteration with auto-offload vs unarchive(t1)")
    @Outcome(id = "true, false, true, true", expect = ACCEPTABLE, desc = "serial-equivalent: unarchived and Active")
    @Outcome(id = "false, true, true, false", expect = ACCEPTABLE, desc = "offload won; unarchive refused (retryable)")
    @Outcome(id = "false, false, false, true", expect = ACCEPTABLE_INTERESTING, desc = "unarchived but Stopping: #10220 (compaction failed with NotArchived)")
    @Outcome(id = "false, false, true, true", expect = ACCEPTABLE_INTERESTING, desc = "unarchived but Stopping: #10220 (compaction error swallowed)")
    @Outcome(id = "false, true, true, true", expect = ACCEPTABLE_INTERESTING, desc = "offloaded although the unarchive was acknowledged")
    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = "other: not classified (look at it)")
    public static class StandInPre {
        final TenantApi tenant = Subject.STAND_IN.start(SIM, Variant.PRE_10305);

        @Actor
        public void compaction(ZZZZ_Result r) {
            TenantStress.compaction(tenant, r);
        }

        @Actor
        public void unarchive(ZZZZ_Result r) {
            TenantStress.unarchive(tenant, r);
        }

        @Arbiter
        public void arbiter(ZZZZ_Result r) {
            observe(tenant, r);
        }
    }

    @JCStressTest
    @State
    @Description("fix-10305 tenant: compaction iteration with auto-offload vs unarchive(t1)")
    @Outcome(id = "true, false, true, true", expect = ACCEPTABLE, desc = "serial-equivalent: unarchived and Active")
    @Outcome(id = "false, true, true, false", expect = ACCEPTABLE, desc = "offload won; unarchive refused (retryable)")
    @Outcome(id = {"false, false, false, true", "false, false, true, true"}, expect = FORBIDDEN, desc = "unarchived but Stopping: #10220")
    @Outcome(id = "false, true, true, true", expect = FORBIDDEN, desc = "offloaded although the unarchive was acknowledged")
    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = "other: not classified (look at it)")
    public static class StandInFix {
        final TenantApi tenant = Subject.STAND_IN.start(SIM, Variant.FIX_10305);

        @Actor
        public void compaction(ZZZZ_Result r) {
            TenantStress.compaction(tenant, r);
        }

        @Actor
        public void unarchive(ZZZZ_Result r) {
            TenantStress.unarchive(tenant, r);
        }

        @Arbiter
        public void arbiter(ZZZZ_Result r) {
            observe(tenant, r);
        }
    }

    @JCStressTest
    @State
    @Description("pre-10305 model (offloadsim.model.Pageserver): compaction iteration with auto-offload vs unarchive(t1)")
    @Outcome(id = "true, false, true, true", expect = ACCEPTABLE, desc = "serial-equivalent: unarchived and Active")
    @Outcome(id = "false, true, true, false", expect = ACCEPTABLE, desc = "offload won; unarchive refused (retryable)")
    @Outcome(id = "false, false, false, true", expect = ACCEPTABLE_INTERESTING, desc = "unarchived but Stopping: #10220 (compaction failed with NotArchived)")
    @Outcome(id = "false, false, true, true", expect = ACCEPTABLE_INTERESTING, desc = "unarchived but Stopping: #10220 (compaction error swallowed)")
    @Outcome(id = "false, true, true, true", expect = ACCEPTABLE_INTERESTING, desc = "offloaded although the unarchive was acknowledged")
    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = "other: not classified (look at it)")
    public static class ModelPre {
        final TenantApi tenant = Subject.MODEL.start(SIM, Variant.PRE_10305);

        @Actor
        public void compaction(ZZZZ_Result r) {
            TenantStress.compaction(tenant, r);
        }

        @Actor
        public void unarchive(ZZZZ_Result r) {
            TenantStress.unarchive(tenant, r);
        }

        @Arbiter
        public void arbiter(ZZZZ_Result r) {
            observe(tenant, r);
        }
    }

    @JCStressTest
    @State
    @Description("fix-10305 model (offloadsim.model.Pageserver): compaction iteration with auto-offload vs unarchive(t1)")
    @Outcome(id = "true, false, true, true", expect = ACCEPTABLE, desc = "serial-equivalent: unarchived and Active")
    @Outcome(id = "false, true, true, false", expect = ACCEPTABLE, desc = "offload won; unarchive refused (retryable)")
    @Outcome(id = {"false, false, false, true", "false, false, true, true"}, expect = FORBIDDEN, desc = "unarchived but Stopping: #10220")
    @Outcome(id = "false, true, true, true", expect = FORBIDDEN, desc = "offloaded although the unarchive was acknowledged")
    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = "other: not classified (look at it)")
    public static class ModelFix {
        final TenantApi tenant = Subject.MODEL.start(SIM, Variant.FIX_10305);

        @Actor
        public void compaction(ZZZZ_Result r) {
            TenantStress.compaction(tenant, r);
        }

        @Actor
        public void unarchive(ZZZZ_Result r) {
            TenantStress.unarchive(tenant, r);
        }

        @Arbiter
        public void arbiter(ZZZZ_Result r) {
            observe(tenant, r);
        }
    }

    @JCStressTest
    @State
    @Description("alt-recheck model (offloadsim.model.Pageserver), graded like pre-10305 (bug outcomes interesting, counted): compaction iteration with auto-offload vs unarchive(t1)")
    @Outcome(id = "true, false, true, true", expect = ACCEPTABLE, desc = "serial-equivalent: unarchived and Active")
    @Outcome(id = "false, true, true, false", expect = ACCEPTABLE, desc = "offload won; unarchive refused (retryable)")
    @Outcome(id = "false, false, false, true", expect = ACCEPTABLE_INTERESTING, desc = "unarchived but Stopping: #10220 (compaction failed with NotArchived)")
    @Outcome(id = "false, false, true, true", expect = ACCEPTABLE_INTERESTING, desc = "unarchived but Stopping: #10220 (compaction error swallowed)")
    @Outcome(id = "false, true, true, true", expect = ACCEPTABLE_INTERESTING, desc = "offloaded although the unarchive was acknowledged")
    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = "other: not classified (look at it)")
    public static class ModelAltRecheck {
        final TenantApi tenant = Subject.MODEL.start(SIM, Variant.ALT_RECHECK);

        @Actor
        public void compaction(ZZZZ_Result r) {
            TenantStress.compaction(tenant, r);
        }

        @Actor
        public void unarchive(ZZZZ_Result r) {
            TenantStress.unarchive(tenant, r);
        }

        @Arbiter
        public void arbiter(ZZZZ_Result r) {
            observe(tenant, r);
        }
    }

    @JCStressTest
    @State
    @Description("alt-state model (offloadsim.model.Pageserver), graded like pre-10305 (bug outcomes interesting, counted): compaction iteration with auto-offload vs unarchive(t1)")
    @Outcome(id = "true, false, true, true", expect = ACCEPTABLE, desc = "serial-equivalent: unarchived and Active")
    @Outcome(id = "false, true, true, false", expect = ACCEPTABLE, desc = "offload won; unarchive refused (retryable)")
    @Outcome(id = "false, false, false, true", expect = ACCEPTABLE_INTERESTING, desc = "unarchived but Stopping: #10220 (compaction failed with NotArchived)")
    @Outcome(id = "false, false, true, true", expect = ACCEPTABLE_INTERESTING, desc = "unarchived but Stopping: #10220 (compaction error swallowed)")
    @Outcome(id = "false, true, true, true", expect = ACCEPTABLE_INTERESTING, desc = "offloaded although the unarchive was acknowledged")
    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = "other: not classified (look at it)")
    public static class ModelAltState {
        final TenantApi tenant = Subject.MODEL.start(SIM, Variant.ALT_STATE);

        @Actor
        public void compaction(ZZZZ_Result r) {
            TenantStress.compaction(tenant, r);
        }

        @Actor
        public void unarchive(ZZZZ_Result r) {
            TenantStress.unarchive(tenant, r);
        }

        @Arbiter
        public void arbiter(ZZZZ_Result r) {
            observe(tenant, r);
        }
    }
}
