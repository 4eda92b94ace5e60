package offloadsim.scenarios.crosscheck.lincheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.execution.ResultWithClock;
import org.jetbrains.kotlinx.lincheck.util.LincheckResult;
import org.jetbrains.kotlinx.lincheck.util.ValueResult;
import org.jetbrains.lincheck.datastructures.verifier.Verifier;

/**
 * Linearizability against {@link TenantSequentialSpec} in which a compaction has two linearization points, the
 * begin and the end of its offload, instead of one. A history is accepted iff its operations can be put in one
 * sequence that (a) keeps each thread's order, (b) keeps real-time order (an operation that started after another
 * finished comes after it; Lincheck's happens-before clocks say which), (c) puts a compaction's
 * {@link TenantSequentialSpec#beginOffload begin} before its {@link TenantSequentialSpec#endOffload end}, with
 * anything that overlaps that compaction allowed between them, and (d) gives every operation the answer the
 * specification gives at its place. So an archival call or endpoint start answering NotFound / Unavailable is
 * accepted exactly when it overlaps a compaction that offloads t1 from an archived state; the #10220 history is not.
 *
 * <p>Histories are small (a few actors per thread), so the search is a depth-first walk over placements, memoised
 * on (positions, specification state). Each call counts one verified history ({@link #verified()}), which is how
 * the cross-check reports the invocations Lincheck completed.
 */
public final class OffloadInFlightVerifier implements Verifier {

    private static final AtomicLong VERIFIED = new AtomicLong();
    /** By identity: Lincheck builds one scenario object per iteration, and two random scenarios may read the same. */
    private static final Set<ExecutionScenario> SCENARIOS = java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

    /** Lincheck instantiates the verifier with the sequential specification class. */
    public OffloadInFlightVerifier(Class<?> sequentialSpecification) {
        if (sequentialSpecification != TenantSequentialSpec.class)
            throw new IllegalArgumentException("OffloadInFlightVerifier checks against TenantSequentialSpec, not " + sequentialSpecification);
    }

    /** Histories verified since the last {@link #reset()}: one per completed Lincheck invocation. */
    public static long verified() {
        return VERIFIED.get();
    }

    /** Distinct scenarios among them. */
    public static int scenarios() {
        return SCENARIOS.size();
    }

    public static void reset() {
        VERIFIED.set(0);
        SCENARIOS.clear();
    }

    @Override
    public boolean verifyResults(ExecutionScenario scenario, ExecutionResult result) {
        VERIFIED.incrementAndGet();
        SCENARIOS.add(scenario);
        return accepts(scenario, result);
    }

    /** The check itself, without counting. */
    public static boolean accepts(ExecutionScenario scenario, ExecutionResult result) {
        TenantSequentialSpec spec = new TenantSequentialSpec();
        if (!sequential(spec, scenario.getInitExecution(), result.getInitResults())) return false;
        List<List<Actor>> threads = scenario.getParallelExecution();
        List<List<ResultWithClock>> results = result.getParallelResultsWithClock();
        List<TenantSequentialSpec> ends = new ArrayList<>();
        new Search(threads, results, scenario.getPostExecution(), result.getPostResults(), ends).walk(new int[threads.size()], new boolean[threads.size()], spec);
        return !ends.isEmpty();
    }

    private static boolean sequential(TenantSequentialSpec spec, List<Actor> actors, List<? extends LincheckResult> results) {
        for (int i = 0; i < actors.size(); i++)
            if (!matches(apply(spec, actors.get(i)), results.get(i))) return false;
        return true;
    }

    /** One whole operation (a compaction's two steps at once: nothing overlaps it here). */
    private static Answer apply(TenantSequentialSpec spec, Actor a) {
        return switch (a.getMethod().getName()) {
            case "archive" -> spec.archive();
            case "unarchive" -> spec.unarchive();
            case "compaction" -> spec.compaction();
            case "endpointStart" -> spec.endpointStart();
            default -> throw new IllegalArgumentException("no specification for operation " + a.getMethod().getName());
        };
    }

    private static boolean isCompaction(Actor a) {
        return a.getMethod().getName().equals("compaction");
    }

    private static boolean matches(Answer expected, LincheckResult actual) {
        return actual instanceof ValueResult v && expected.equals(v.getValue());
    }

    /** Depth-first search over placements of the parallel part, then the post part in order. */
    private record Search(List<List<Actor>> threads, List<List<ResultWithClock>> results, List<Actor> post, List<? extends LincheckResult> postResults,
                          List<TenantSequentialSpec> found) {

        void walk(int[] done, boolean[] begun, TenantSequentialSpec spec) {
            walk(done, begun, spec, new HashSet<>());
        }

        /**
         * @param done  actors finished per thread
         * @param begun whether the next actor of a thread (a compaction) has placed its begin step
         */
        private void walk(int[] done, boolean[] begun, TenantSequentialSpec spec, Set<String> failed) {
            if (!found.isEmpty()) return;
            String key = java.util.Arrays.toString(done) + java.util.Arrays.toString(begun) + spec.state();
            if (failed.contains(key)) return;
            boolean all = true;
            for (int t = 0; t < threads.size(); t++) {
                if (done[t] == threads.get(t).size()) continue;
                all = false;
                Actor a = threads.get(t).get(done[t]);
                ResultWithClock r = results.get(t).get(done[t]);
                if (!begun[t] && !startedAfterPlaced(r, done, t)) continue;
                TenantSequentialSpec next = spec.copy();
                int[] d = done.clone();
                boolean[] b = begun.clone();
                if (isCompaction(a) && !begun[t]) {
                    next.beginOffload();
                    b[t] = true;
                } else {
                    Answer answer = isCompaction(a) ? next.endOffload() : apply(next, a);
                    if (!matches(answer, r.getResult())) continue;
                    d[t]++;
                    b[t] = false;
                }
                walk(d, b, next, failed);
                if (!found.isEmpty()) return;
            }
            if (all) {
                TenantSequentialSpec last = spec.copy();
                if (sequential(last, post, postResults)) found.add(last);
                return;
            }
            failed.add(key);
        }

        /** Real-time order: every actor that finished before this one started has been placed. */
        private boolean startedAfterPlaced(ResultWithClock r, int[] done, int self) {
            int[] clock = r.getClockOnStart().getClock();
            for (int u = 0; u < clock.length && u < done.length; u++)
                if (u != self && done[u] < clock[u]) return false;
            return true;
        }
    }
}
