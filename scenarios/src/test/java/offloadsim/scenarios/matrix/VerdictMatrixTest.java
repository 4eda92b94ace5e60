package offloadsim.scenarios.matrix;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.explore.ReplayCommand;
import offloadsim.scenarios.verdict.CellResult;
import offloadsim.scenarios.verdict.Expectation;
import offloadsim.scenarios.verdict.ExpectedVerdicts;
import offloadsim.scenarios.verdict.Matrix;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The race-regression suite: every cell of the verdict matrix (scenario × variant) explored with a fixed
 * seed range. A bug cell must show its oracle; a clean cell must show none. A failure carries the
 * scenario, variant, seed, schedule and the command that replays it.
 */
class VerdictMatrixTest {

    static final long FIRST_SEED = 1;
    static final long SEEDS = Long.getLong("offloadsim.matrix.seeds", Matrix.Plan.defaults().executions());

    @TestFactory
    Stream<DynamicTest> everyCellMatchesItsExpectation() {
        ExpectedVerdicts table = ExpectedVerdicts.load();
        List<DynamicTest> tests = new ArrayList<>();
        for (Scenario s : ScenarioCatalog.all()) {
            for (Variant v : Variant.values()) {
                Expectation e = table.expectation(s.name(), v);
                tests.add(DynamicTest.dynamicTest(s.name() + " on " + v.id() + " is " + e.label(), () -> check(s, v, e)));
            }
        }
        return tests.stream();
    }

    private static void check(Scenario s, Variant v, Expectation e) {
        CellResult cell = Matrix.runCell(s, v, new Matrix.Plan(offloadsim.scenarios.explore.StrategySpec.random(), FIRST_SEED, SEEDS), e, Explorer.Progress.NONE);
        if (cell.matches()) return;
        Exploration x = cell.deciding();
        StringBuilder msg = new StringBuilder(s.name() + " on " + v.id() + ": expected " + e.label() + " but found " + cell.foundLabel()
                + " in " + x.executions() + " executions (" + (x == cell.exploration() ? "random, seeds " + FIRST_SEED + ".." + (FIRST_SEED + SEEDS - 1) : "exhaustive pass") + ")");
        for (Exploration.Found f : x.found()) {
            msg.append("\n  seed ").append(f.seed()).append(": ").append(f.run().outcome().summary())
               .append("\n    schedule: ").append(f.run().schedule().encode())
               .append("\n    replay:   ").append(ReplayCommand.of(s.name(), v.id(), f.run().schedule()));
        }
        fail(msg.toString());
    }
}
