package offloadsim.scenarios.crosscheck.lincheck;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

/**
 * One Lincheck model-checking run of a {@link TenantFacade} against {@link TenantSequentialSpec}, and how its
 * outcome is read. Shared by the JUnit cross-check (which asserts the verdict) and {@code ./offload-sim bench}
 * (which times it), so both measure exactly the same check.
 *
 * <p>Histories are judged by {@link OffloadInFlightVerifier}: linearizability in which a compaction's offload has a
 * begin and an end, so the pageserver's transient NotFound (an archival call or a get about a timeline whose offload
 * is in flight) is a legal answer and every other non-linearizable history, #10220 first of all, fails the run.
 * A fix-10305 run therefore either spends its whole budget or reports a real defect.
 *
 * <p>Budget: {@code iterations} random scenarios × {@code invocations} interleavings, 2 threads ×
 * {@code actorsPerThread} actors, 1 actor before and 1 after, plus one custom scenario that is the #10220
 * story: {@code [compaction] || [unarchive, endpointStart]}.
 */
public record LincheckCheck(int iterations, int invocations, int actorsPerThread) {

    static final long INVOCATION_TIMEOUT_MS = 60_000;

    /**
     * The suite's default budget (3 × 50, 2 actors per thread), overridable by the crosscheck.lincheck.* properties
     * ({@code -Pcrosscheck-long}: 30 × 1000). Smaller than before the offload-in-flight specification (10 × 200),
     * because a clean run now spends all of it: about 200 invocations, of 10–40 ms each on an idle 2-core machine and
     * of seconds each on a loaded one (measured: 3 s per invocation at a load average of 40).
     */
    public static LincheckCheck fromSystemProperties() {
        return new LincheckCheck(Integer.getInteger("crosscheck.lincheck.iterations", 3),
                Integer.getInteger("crosscheck.lincheck.invocations", 50),
                Integer.getInteger("crosscheck.lincheck.actorsPerThread", 2));
    }

    public String describe() {
        return "model checking " + iterations + " x " + invocations + ", 2 threads x " + actorsPerThread + " actors, +1/+1, custom #10220 scenario, offload-in-flight spec";
    }

    /**
     * What one check did: Lincheck's failure (null: every history was accepted), the invocations it completed
     * (histories verified; the failing one included) and the distinct scenarios they came from.
     */
    public record Outcome(LincheckAssertionError failure, long invocations, int scenarios) {}

    /** Runs the check: null if Lincheck found every history linearizable, else its failure. Lincheck takes a global lock: one at a time. */
    public LincheckAssertionError run(Class<? extends TenantFacade> facade) {
        return runCounted(facade).failure();
    }

    /** Runs the check and counts the invocations it completed. */
    public synchronized Outcome runCounted(Class<? extends TenantFacade> facade) {
        OffloadInFlightVerifier.reset();
        LincheckAssertionError failure = check(facade);
        return new Outcome(failure, OffloadInFlightVerifier.verified(), OffloadInFlightVerifier.scenarios());
    }

    /** The budget this check spends when nothing fails: every random scenario plus the custom one. */
    public int scenarios() {
        return iterations + 1;
    }

    private LincheckAssertionError check(Class<? extends TenantFacade> facade) {
        ModelCheckingOptions opts = new ModelCheckingOptions()
                .iterations(iterations)
                .invocationsPerIteration(invocations)
                .threads(2)
                .actorsPerThread(actorsPerThread)
                .actorsBefore(1)
                .actorsAfter(1)
                .sequentialSpecification(TenantSequentialSpec.class)
                .verifier(OffloadInFlightVerifier.class)
                // Lincheck's hang detector (10 s per invocation by default) also fires while its agent retransforms
                // JDK classes in the first invocation, which takes longer than that on a loaded 2-core machine; a
                // real deadlock of the model is still reported, after a minute. (Kotlin-internal setter.)
                .invocationTimeout$lincheck(INVOCATION_TIMEOUT_MS)
                .addCustomScenario(b -> {
                    b.parallel(p -> {
                        p.thread(t -> {
                            t.actor(reflect(facade, "compaction"));
                            return kotlin.Unit.INSTANCE;
                        });
                        p.thread(t -> {
                            t.actor(reflect(facade, "unarchive"));
                            t.actor(reflect(facade, "endpointStart"));
                            return kotlin.Unit.INSTANCE;
                        });
                        return kotlin.Unit.INSTANCE;
                    });
                    return kotlin.Unit.INSTANCE;
                });
        try {
            opts.check(facade);
            return null;
        } catch (LincheckAssertionError e) {
            return e;
        }
    }

    /** Whether a failure's history shows the #10220 symptom: the endpoint refused (Unavailable) or a failed operation. */
    public static boolean shows10220(AssertionError failure) {
        if (failure == null) return false;
        String msg = String.valueOf(failure.getMessage());
        int cut = msg.indexOf("The following interleaving");
        String results = cut < 0 ? msg : msg.substring(0, cut);
        return results.contains("Invalid execution results") && (results.contains("Unavailable") || results.contains("Err("));
    }

    /** A Kotlin function handle for the facade's operation (what Lincheck's scenario DSL takes). */
    static kotlin.reflect.KFunction<?> reflect(Class<?> c, String name) {
        try {
            return java.util.Objects.requireNonNull(kotlin.reflect.jvm.ReflectJvmMapping.getKotlinFunction(c.getMethod(name)), name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
