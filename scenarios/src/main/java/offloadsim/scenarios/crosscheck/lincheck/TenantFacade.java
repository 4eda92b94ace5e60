package offloadsim.scenarios.crosscheck.lincheck;

import java.util.Set;
import offloadsim.model.OpResult;
import offloadsim.model.Variant;
import offloadsim.scenarios.crosscheck.Subject;
import offloadsim.scenarios.crosscheck.TenantApi;
import offloadsim.sim.jvm.JvmSim;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * The Lincheck test state: one tenant per Lincheck invocation (built in the constructor), driven through the
 * user-visible calls on timeline {@code t1}. It runs on {@code JvmSim(inlineSpawn=true)}, so every upload an
 * operation schedules completes inside that operation and no operation ever waits for another actor.
 *
 * <p>Client behaviour is part of the facade, as in the Rust tests: archive/unarchive answers that a client
 * retries (500 Other, 503 Cancelled, 409 AlreadyInProgress, Timeout — e.g. while the arbiter has shut the
 * queue for an offload in flight) are retried, a bounded number of times. A retry waits for the other
 * actor's offload to finish, but by re-trying, never by parking: Lincheck sees a loop and switches threads.
 * Compaction is one task per tenant in the pageserver, so compaction operations never run in parallel with
 * each other ({@code nonParallelGroup}).
 */
public abstract class TenantFacade {
    static final String T = "t1";
    static final int MAX_ATTEMPTS = 50;
    private static final Set<String> DEFINITIVE = Set.of("NotFound", "HasArchivedParent", "HasUnarchivedChildren");

    private final TenantApi tenant;

    protected TenantFacade(Subject subject, Variant variant) {
        this.tenant = subject.start(new JvmSim(true, 1, false), variant);
    }

    @Operation
    public Answer archive() {
        return retrying(true);
    }

    @Operation
    public Answer unarchive() {
        return retrying(false);
    }

    @Operation(nonParallelGroup = "compaction")
    public Answer compaction() {
        OpResult r = tenant.compactionIteration();
        return r.ok() ? Answer.OK : new Answer("Err(" + r.error() + ")", r.detail());
    }

    @Operation
    public Answer endpointStart() {
        OpResult r = tenant.getTimeline(T, true);
        return r.ok() ? Answer.OK : new Answer("Unavailable", r.error() + (r.detail() == null ? "" : " " + r.detail()));
    }

    private Answer retrying(boolean archive) {
        OpResult r = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            r = archive ? tenant.archive(T) : tenant.unarchive(T);
            if (r.ok()) return attempt == 0 ? Answer.OK : new Answer("Ok", "after " + attempt + " retries");
            if (DEFINITIVE.contains(r.error())) break;
            Thread.yield();
        }
        return new Answer("Err(" + r.error() + ")", r.detail());
    }

    // One concrete class per (subject, variant): Lincheck instantiates the test class with its no-arg constructor.

    public static class StandInPre extends TenantFacade {
        public StandInPre() {
            super(Subject.STAND_IN, Variant.PRE_10305);
        }
    }

    public static class StandInFix extends TenantFacade {
        public StandInFix() {
            super(Subject.STAND_IN, Variant.FIX_10305);
        }
    }

    public static class ModelPre extends TenantFacade {
        public ModelPre() {
            super(Subject.MODEL, Variant.PRE_10305);
        }
    }

    public static class ModelFix extends TenantFacade {
        public ModelFix() {
            super(Subject.MODEL, Variant.FIX_10305);
        }
    }

    public static class ModelAltRecheck extends TenantFacade {
        public ModelAltRecheck() {
            super(Subject.MODEL, Variant.ALT_RECHECK);
        }
    }

    public static class ModelAltState extends TenantFacade {
        public ModelAltState() {
            super(Subject.MODEL, Variant.ALT_STATE);
        }
    }

    /** The facade class for a subject and variant. */
    public static Class<? extends TenantFacade> classFor(Subject subject, Variant variant) {
        return switch (subject) {
            case STAND_IN -> variant == Variant.PRE_10305 ? StandInPre.class : StandInFix.class;
            case MODEL -> {
                if (variant == Variant.PRE_10305) yield ModelPre.class;
                if (variant == Variant.FIX_10305) yield ModelFix.class;
                if (variant == Variant.ALT_RECHECK) yield ModelAltRecheck.class;
                if (variant == Variant.ALT_STATE) yield ModelAltState.class;
                throw new IllegalArgumentException("no Lincheck facade for variant " + variant.id());
            }
        };
    }
}
