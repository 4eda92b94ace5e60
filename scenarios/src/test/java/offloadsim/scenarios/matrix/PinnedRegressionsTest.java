package offloadsim.scenarios.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every reproduced bug keeps the schedule that showed it (the "evidence" of the expected-verdict table);
 * replaying it must still hit the same oracle. This catches a model change that silently loses a bug.
 */
class PinnedRegressionsTest {

    @TestFactory
    Stream<DynamicTest> everyPinnedScheduleStillReproducesItsBug() {
        ExpectedVerdicts table = ExpectedVerdicts.load();
        List<DynamicTest> tests = new ArrayList<>();
        for (Scenario s : ScenarioCatalog.all()) {
            for (Variant v : Variant.values()) {
                Expectation e = table.expectation(s.name(), v);
                if (e.verdict() != Expectation.Verdict.BUG || e.evidence() == null) continue;
                tests.add(DynamicTest.dynamicTest(s.name() + " on " + v.id() + " replays to " + e.oracle(), () -> {
                    Schedule schedule = Schedule.parse(e.evidence());
                    RunResult r = Explorer.replay(s.program(v), schedule, s.runOptions());
                    assertEquals(e.oracle(), r.outcome().oracle(), () -> "pinned schedule no longer reproduces the bug: "
                            + r.outcome().summary() + "\n  replay: " + ReplayCommand.of(s.name(), v.id(), schedule));
                }));
            }
        }
        assertFalse(tests.isEmpty(), "no pinned regression schedules in expected-verdicts.yaml");
        return tests.stream();
    }
}
