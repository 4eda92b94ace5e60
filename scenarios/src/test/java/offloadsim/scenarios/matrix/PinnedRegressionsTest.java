package offloadsim.scenarios.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.explore.ReplayCommand;
import offloadsim.scenarios.verdict.Expectation;
import offloadsim.scenarios.verdict.ExpectedVerdicts;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.trace.Schedule;
import offloadsim.sim.trace.Trace;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every reproduced bug keeps the schedule that showed it (the "evidence" of the expected-verdict table);
 * replaying it must still hit the same oracle. This catches a model change that silently loses a bug.
 * A clean cell may pin a schedule too (with the answers that show it went through the window its scenario
 * is about): replaying it must show those answers and no violation, which catches a change that breaks a
 * defence only that window exercises (e.g. initialized_mut()'s shutting-down refusal during a drain).
 */
class PinnedRegressionsTest {

    @TestFactory
    Stream<DynamicTest> everyPinnedScheduleStillReproducesItsBug() {
        ExpectedVerdicts table = ExpectedVerdicts.load();
        List<DynamicTest> tests = new ArrayList<>();
        for (Scenario s : ScenarioCatalog.all()) {
            for (Variant v : Variant.values()) {
                Expectation e = table.expectation(s.name(), v);
                if (e.evidence() == null || e.verdict() == Expectation.Verdict.UNKNOWN) continue;
                boolean bug = e.verdict() == Expectation.Verdict.BUG;
                tests.add(DynamicTest.dynamicTest(s.name() + " on " + v.id() + " replays to " + (bug ? e.oracle() : "clean"), () -> {
                    Schedule schedule = Schedule.parse(e.evidence());
                    RunResult r = Explorer.replay(s.program(v), schedule, s.runOptions().withTrace(Trace.Level.FULL));
                    String replay = "\n  replay: " + ReplayCommand.of(s.name(), v.id(), schedule);
                    if (bug) {
                        assertEquals(e.oracle(), r.outcome().oracle(), () -> "pinned schedule no longer reproduces the bug: " + r.outcome().summary() + replay);
                    } else {
                        assertFalse(r.outcome().isFailure(), () -> "pinned schedule of a clean cell fails: " + r.outcome().summary() + replay);
                    }
                    String trace = r.trace().text();
                    for (String answer : e.answers())
                        assertTrue(trace.contains("op: " + answer), () -> "pinned schedule no longer answers '" + answer + "'" + replay);
                }));
            }
        }
        assertFalse(tests.isEmpty(), "no pinned regression schedules in expected-verdicts.yaml");
        return tests.stream();
    }
}
