package offloadsim.scenarios.crosscheck.lincheck;

import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

/**
 * One Lincheck model-checking run of a {@link TenantFacade} against {@link TenantSequentialSpec}, and how its
 * outcome is read. Shared by the JUnit cross-check (which asserts the verdict) and {@code ./offload-sim bench}
 * (which times it), so both measure exactly the same check.
 *
 * <p>Budget: {@code iterations} random scenarios × {@code invocations} interleavings, 2 threads ×
 * {@code actorsPerThread} actors, 1 actor before and 1 after, plus one custom scenario that is the #10220
 * story: {@code [compaction] || [unarchive, endpointStart]}.
 */
public record LincheckCheck(int iterations, int invocations, int actorsPerThread) {

    /** The suite's default budget (10 × 200, 2 actors per thread), overridable by the crosscheck.lincheck.* properties. */
    public static LincheckCheck fromSystemProperties() {
        return new LincheckCheck(Integer.getInteger("crosscheck.lincheck.iterations", 10),
                Integer.getInteger("crosscheck.lincheck.invocations", 200),
                Integer.getInteger("crosscheck.lincheck.actorsPerThread", 2));
    }

    public String describe() {
        return "model checking " + iterations + " x " + invocations + ", 2 threads x " + actorsPerThread + " actors, +1/+1, custom #10220 scenario";
    }

    /** Runs the check: null if Lincheck found every history linearizable, else its failure. Lincheck takes a global lock: one at a time. */
    public LincheckAssertionError run(Class<? extends TenantFacade> facade) {
        ModelCheckingOptions opts = new ModelCheckingOptions()
                .iterations(iterations)
                .invocationsPerIteration(invocations)
                .threads(2)
                .actorsPerThread(actorsPerThread)
                .actorsBefore(1)
                .actorsAfter(1)
                .sequentialSpecification(TenantSequentialSpec.class)
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

    /**
     * Whether a failure shows the #10220 symptom rather than only the transient NotFound window. The model (like
     * the Rust) removes an offloaded timeline from `timelines` before inserting it into `timelines_offloaded`, so a
     * concurrent unarchive can answer NotFound for an existing timeline: real, reported, but not #10220 (whose
     * symptom is an endpoint refused as NotActive). This is how the suite decides that fix-10305 passes.
     */
    public static boolean reportsBug(AssertionError failure, boolean onModel) {
        return failure != null && !(onModel && transientNotFoundOnly(failure));
    }

    /** The failure's results show only NotFound answers (no NotActive, no Stopping). */
    public static boolean transientNotFoundOnly(AssertionError failure) {
        String msg = String.valueOf(failure.getMessage());
        int cut = msg.indexOf("The following interleaving");
        String results = cut < 0 ? msg : msg.substring(0, cut);
        return results.contains("Invalid execution results") && results.contains("NotFound") && !results.contains("NotActive") && !results.contains("Stopping");
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
