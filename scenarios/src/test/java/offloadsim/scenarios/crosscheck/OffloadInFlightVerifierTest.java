package offloadsim.scenarios.crosscheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import offloadsim.scenarios.crosscheck.lincheck.Answer;
import offloadsim.scenarios.crosscheck.lincheck.OffloadInFlightVerifier;
import offloadsim.scenarios.crosscheck.lincheck.TenantFacade;
import offloadsim.scenarios.crosscheck.lincheck.TenantSequentialSpec;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionResult;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.kotlinx.lincheck.execution.HBClock;
import org.jetbrains.kotlinx.lincheck.execution.ResultWithClock;
import org.jetbrains.kotlinx.lincheck.util.LincheckResult;
import org.jetbrains.kotlinx.lincheck.util.ValueResult;
import org.junit.jupiter.api.Test;

/**
 * The offload-in-flight specification on hand-built histories (no Lincheck run): it admits the transient NotFound
 * only while a compaction that offloads an archived t1 overlaps the call, and rejects #10220 and every other
 * wrong history — so the Lincheck cross-check cannot pass by accepting anything.
 */
class OffloadInFlightVerifierTest {

    static final Answer NOT_FOUND = TenantSequentialSpec.NOT_FOUND;
    static final Answer OK = Answer.OK;
    static final Answer UNAVAILABLE = Answer.UNAVAILABLE;

    /** One operation of a history: name, answer, and for a parallel one the actors of the other thread finished before it started. */
    record Op(String name, Answer answer, int otherFinishedBefore) {}

    static Op op(String name, Answer answer) {
        return new Op(name, answer, 0);
    }

    static Op after(int otherFinished, String name, Answer answer) {
        return new Op(name, answer, otherFinished);
    }

    static Actor actor(String name) {
        try {
            return new Actor(TenantFacade.class.getMethod(name), List.of());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two threads (plus optional sequential parts before and after). */
    static boolean accepts(List<Op> before, List<Op> thread0, List<Op> thread1, List<Op> after) {
        List<List<Op>> threads = List.of(thread0, thread1);
        List<List<Actor>> parallel = new ArrayList<>();
        List<List<ResultWithClock>> results = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            List<Actor> actors = new ArrayList<>();
            List<ResultWithClock> rs = new ArrayList<>();
            for (Op o : threads.get(t)) {
                actors.add(actor(o.name()));
                int[] clock = new int[2];
                clock[1 - t] = o.otherFinishedBefore();
                rs.add(new ResultWithClock(new ValueResult(o.answer()), new HBClock(clock)));
            }
            parallel.add(actors);
            results.add(rs);
        }
        ExecutionScenario scenario = new ExecutionScenario(before.stream().map(o -> actor(o.name())).toList(), parallel,
                after.stream().map(o -> actor(o.name())).toList(), null);
        List<LincheckResult> beforeResults = before.stream().map(o -> (LincheckResult) new ValueResult(o.answer())).toList();
        List<LincheckResult> afterResults = after.stream().map(o -> (LincheckResult) new ValueResult(o.answer())).toList();
        return OffloadInFlightVerifier.accepts(scenario, new ExecutionResult(beforeResults, results, afterResults));
    }

    static boolean accepts(List<Op> thread0, List<Op> thread1) {
        return accepts(List.of(), thread0, thread1, List.of());
    }

    @Test
    void unarchiveAnsweringNotFoundDuringTheOffloadIsAccepted() {
        assertTrue(accepts(List.of(op("compaction", OK)), List.of(op("unarchive", NOT_FOUND), op("endpointStart", UNAVAILABLE))));
        assertTrue(accepts(List.of(op("compaction", OK)), List.of(op("archive", NOT_FOUND))));
        // after the NotFound the offload ends and a retried unarchive unoffloads t1
        assertTrue(accepts(List.of(op("compaction", OK)), List.of(op("unarchive", NOT_FOUND), after(1, "unarchive", OK), op("endpointStart", OK))));
    }

    @Test
    void notFoundAfterTheCompactionFinishedIsRejected() {
        // the unarchive started after the compaction returned: the offload was no longer in flight
        assertFalse(accepts(List.of(op("compaction", OK)), List.of(after(1, "unarchive", NOT_FOUND))));
        assertFalse(accepts(List.of(op("compaction", OK)), List.of(after(1, "archive", NOT_FOUND))));
    }

    @Test
    void notFoundWithoutAnOffloadIsRejected() {
        // no compaction at all
        assertFalse(accepts(List.of(op("endpointStart", OK)), List.of(op("unarchive", NOT_FOUND))));
        // a compaction, but t1 was unarchived before it began: nothing to offload
        assertFalse(accepts(List.of(op("unarchive", OK)), List.of(op("compaction", OK)), List.of(op("archive", NOT_FOUND)), List.of()));
        // t1 already offloaded before the parallel part: its offload is over
        assertFalse(accepts(List.of(op("compaction", OK)), List.of(op("unarchive", NOT_FOUND)), List.of(op("endpointStart", UNAVAILABLE)), List.of()));
    }

    @Test
    void the10220HistoryIsRejected() {
        // compaction || (unarchive acknowledged, then the endpoint cannot start): #10220 with the compaction
        // overlapping everything, so every placement of the offload's two steps is available
        assertFalse(accepts(List.of(op("compaction", OK)), List.of(op("unarchive", OK), op("endpointStart", UNAVAILABLE))));
        // and with the compaction failing as it does when offload backs off with NotArchived
        assertFalse(accepts(List.of(op("compaction", new Answer("Err(Offload(NotArchived))", null))), List.of(op("unarchive", OK), op("endpointStart", UNAVAILABLE))));
        // the stranded timeline seen after the fact
        assertFalse(accepts(List.of(op("compaction", OK)), List.of(op("unarchive", OK)), List.of(), List.of(op("endpointStart", UNAVAILABLE))));
    }

    @Test
    void ordinaryHistoriesStillNeedTheSpecificationsAnswers() {
        assertTrue(accepts(List.of(op("compaction", OK)), List.of(op("unarchive", OK), op("endpointStart", OK))));
        assertTrue(accepts(List.of(op("compaction", OK)), List.of(after(1, "endpointStart", UNAVAILABLE))));
        assertFalse(accepts(List.of(op("compaction", OK)), List.of(after(1, "endpointStart", OK))));
        assertFalse(accepts(List.of(op("endpointStart", UNAVAILABLE)), List.of(op("archive", OK))));
    }
}
