package offloadsim.scenarios.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import offloadsim.sim.trace.Schedule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every ledger entry's pinned schedule still shows it, and every cell it is expected in shows it at its seed. */
class FindingsLedgerTest {

    private static final Ledger LEDGER = Ledger.load();

    @TestFactory
    Stream<DynamicTest> everyPinnedScheduleReproducesItsFinding() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Finding f : LEDGER.findings()) {
            tests.add(DynamicTest.dynamicTest(f.id() + " pinned on " + f.pinned().scenario() + "/" + f.pinned().variant(), () -> {
                Scenario s = ScenarioCatalog.byName(f.pinned().scenario());
                Variant v = Variant.byId(f.pinned().variant());
                RunResult r = Explorer.replay(s.program(v), Schedule.parse(f.pinned().schedule()), s.runOptions());
                assertTrue(r.outcome().isFailure(), () -> f.id() + ": pinned schedule no longer fails: " + r.outcome().summary());
                var fp = Fingerprints.of(s, v, r.schedule());
                Finding got = LEDGER.attribute(v.id(), fp.fingerprint().id(), fp.fingerprint().shape());
                assertNotNull(got, () -> f.id() + ": pinned schedule now shows a NEW race: " + fp.fingerprint().shape());
                assertEquals(f.id(), got.id(), () -> f.id() + ": pinned schedule is attributed to " + got.id() + ": " + fp.fingerprint().shape());
            }));
        }
        assertFalse(tests.isEmpty(), "empty ledger");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyExpectedCellShowsItsFindingAtItsSeed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Finding f : LEDGER.findings()) {
            for (Finding.ExpectedAt e : f.expected()) {
                tests.add(DynamicTest.dynamicTest(f.id() + " in " + e.scenario() + "/" + e.variant() + "@" + e.seed(), () -> {
                    Scenario s = ScenarioCatalog.byName(e.scenario());
                    Variant v = Variant.byId(e.variant());
                    RunResult r = Explorer.runSeed(s.program(v), new RandomWalk(), e.seed(), s.runOptions());
                    assertTrue(r.outcome().isFailure(), () -> "seed " + e.seed() + " no longer fails");
                    var fp = Fingerprints.of(s, v, r.schedule(), Classifier.SHRINK_ATTEMPTS);
                    Finding got = LEDGER.attribute(v.id(), fp.fingerprint().id(), fp.fingerprint().shape());
                    assertEquals(f.id(), got == null ? "NEW" : got.id(), () -> "shape " + fp.fingerprint().shape());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void aRaceOnAVariantItsEntryDoesNotListIsNew() {
        // #10220 is known on pre-10305 only: the same fingerprint on fix-10305 would be a regression of the fix
        Finding f = LEDGER.byId("F10220-stranded-stopping");
        String fp = f.fingerprints().getFirst();
        assertNull(LEDGER.attribute("fix-10305", fp, null));
        assertEquals(f, LEDGER.elsewhere(fp, null));
        assertEquals(f, LEDGER.attribute("pre-10305", fp, null));
    }

    @Test
    void malformedLedgersAreRejectedWithTheEntryNamed() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory());
        var noLink = yaml.readTree("findings: [{id: X, title: t, classification: {kind: upstream, reference: r}, variants: [fix-10305], fingerprints: [abc], pinned: {scenario: s, variant: fix-10305, schedule: 'v1:1:0'}}]");
        assertTrue(assertThrows(IllegalStateException.class, () -> Ledger.parse(noLink)).getMessage().contains("X"));
        var badKind = yaml.readTree("findings: [{id: Y, title: t, classification: {kind: maybe}, variants: [fix-10305], fingerprints: [abc], pinned: {scenario: s, variant: fix-10305, schedule: 'v1:1:0'}}]");
        assertTrue(assertThrows(IllegalStateException.class, () -> Ledger.parse(badKind)).getMessage().contains("unknown classification"));
    }
}
