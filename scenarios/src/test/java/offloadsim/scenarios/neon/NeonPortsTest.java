package offloadsim.scenarios.neon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import offloadsim.model.Variant;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.explore.StrategySpec;
import offloadsim.scenarios.verdict.CellResult;
import offloadsim.scenarios.verdict.Expectation;
import offloadsim.scenarios.verdict.ExpectedVerdicts;
import offloadsim.scenarios.verdict.Matrix;
import offloadsim.sim.explore.Explorer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Neon's archive tests, ported as scenario files with expectations, on every variant: a random sample,
 * then (when it found nothing) an exhaustive search with sleep sets, against the table in
 * neon-ports/expected.yaml.
 */
class NeonPortsTest {

    private static final ExpectedVerdicts TABLE = ExpectedVerdicts.load("/offloadsim/neon-ports/expected.yaml");

    @TestFactory
    Stream<DynamicTest> everyPortOnEveryVariantMatchesItsVerdict() {
        List<DynamicTest> tests = new ArrayList<>();
        for (StaticScenario s : ScenarioCatalog.neonPorts()) {
            for (Variant v : Variant.values()) {
                tests.add(DynamicTest.dynamicTest(s.name() + " on " + v.id(), () -> {
                    Expectation e = TABLE.expectation(s.name(), v);
                    assertTrue(e.verdict() != Expectation.Verdict.UNKNOWN, "no verdict for " + s.name() + " on " + v.id());
                    CellResult cell = Matrix.runCell(s, v, new Matrix.Plan(StrategySpec.random(), 1, 200, 600), e, Explorer.Progress.NONE);
                    String found = cell.deciding().found().isEmpty() ? "" : cell.deciding().found().getFirst().run().outcome().summary();
                    assertTrue(cell.matches(), () -> s.name() + " on " + v.id() + ": expected " + e.label() + ", found " + cell.foundLabel() + " " + found);
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theRaceTestFailsBeforeTheFixByTheEndpointStartExpectation() {
        StaticScenario s = (StaticScenario) ScenarioCatalog.byName("neon-timeline-offload-race-unarchive-delete");
        var r = Explorer.runSeed(s.program(Variant.PRE_10305), StrategySpec.random().create(), 1, s.runOptions());
        assertEquals("expectation", r.outcome().oracle());
        assertTrue(r.outcome().message().contains("endpoint-start: leaf: expected Ok, got Err(NotActive(Stopping))"), r.outcome().message());
    }

    @Test
    void everyPortNamesItsNeonTestAndLine() {
        for (StaticScenario s : ScenarioCatalog.neonPorts()) {
            assertTrue(s.description().matches("(?s).*test_timeline_archive\\.py:\\d+ test_\\w+.*@(6149ac8834|6a35a3e9f1).*"), s.name() + ": " + s.description());
            assertTrue(s.description().contains("Not expressible"), s.name() + " says nothing about what the model cannot express");
            assertTrue(s.hasExpectations(), s.name() + " has no expectations");
        }
    }
}
