package offloadsim.scenarios.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import offloadsim.model.OpResult;
import offloadsim.model.Variant;
import offloadsim.model.oracles.OracleNames;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.crosscheck.standin.StandInPageserver;
import offloadsim.scenarios.explore.StrategySpec;
import offloadsim.scenarios.verdict.CellResult;
import offloadsim.scenarios.verdict.ExpectedVerdicts;
import offloadsim.scenarios.verdict.Matrix;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.Violation;
import offloadsim.sim.strategy.RandomWalk;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulator column of the agreement table: the deterministic simulator's verdict on
 * {@code unarchive-during-compaction} per variant — for the model through {@link Matrix#runCell} (random
 * walk, {@code crosscheck.simulator.executions} executions, default 2000, stopping at the first bug where a
 * bug is expected), and for the stand-in through the same Explorer with an equivalent program and oracles.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SimulatorCrossCheckTest {

    static final long EXECUTIONS = Long.getLong("crosscheck.simulator.executions", 2000);

    /** The scenario on the stand-in: compaction || (unarchive; endpoint start); oracles I1 (stuck-stopping, endpoint-start). */
    static Program standInProgram(Variant variant) {
        return sim -> {
            StandInPageserver ps = StandInPageserver.start(sim, variant);
            OpResult[] user = new OpResult[2];
            sim.spawn("compaction", ps::compactionIteration);
            sim.spawn("user", () -> {
                user[0] = ps.unarchive("t1");
                user[1] = ps.getTimeline("t1", true);
            });
            return new Oracles() {
                @Override
                public Violation atQuiescence() {
                    String state = ps.describeState();
                    if (state.contains("t1=STOPPING") && !ps.remoteArchived("t1"))
                        return new Violation(OracleNames.STUCK_STOPPING, "t1 is unarchived in its index but Stopping with the tenant Active; " + state);
                    if (user[0] != null && user[0].ok() && !ps.remoteArchived("t1") && user[1] != null && !user[1].ok())
                        return new Violation(OracleNames.ENDPOINT_START, "unarchive(t1) acknowledged, then " + user[1] + "; " + ps.describeState());
                    return null;
                }

                @Override
                public String finalState() {
                    return ps.describeState();
                }
            };
        };
    }

    /** @param expectBug true / false to assert the verdict, null to record it only (alternative designs) */
    void run(Subject subject, Variant variant, Boolean expectBug) {
        long t0 = System.nanoTime();
        Exploration e;
        if (subject == Subject.MODEL) {
            String unavailable = subject.unavailableReason(variant);
            if (unavailable != null) {
                CrossCheckLedger.record(subject, variant, "simulator", CrossCheckLedger.cell("unavailable", unavailable, 0));
                Assumptions.abort(unavailable);
            }
            var scenario = ScenarioCatalog.byName(Subject.SCENARIO);
            var expectation = ExpectedVerdicts.load().expectation(Subject.SCENARIO, variant);
            CellResult cell = Matrix.runCell(scenario, variant, new Matrix.Plan(StrategySpec.random(), 1, EXECUTIONS), expectation, Explorer.Progress.NONE);
            assertTrue(cell.matches(), () -> "simulator disagrees with expected-verdicts.yaml: expected " + expectation.label() + ", found " + cell.foundLabel());
            e = cell.sampleSkipped() ? cell.completeness() : cell.exploration();
        } else {
            e = Explorer.explore(standInProgram(variant), new RandomWalk(), new Explorer.Budget(1, EXECUTIONS, Boolean.TRUE.equals(expectBug), 1), RunOptions.defaults(), Explorer.Progress.NONE);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        boolean bug = e.failures() > 0;
        String detail = bug
                ? "bug " + e.failuresByOracle().keySet() + " at execution " + e.firstFailureAt() + " of " + e.executions() + ": " + e.found().get(0).run().outcome().summary()
                : "clean in " + e.executions() + " executions (" + (e.complete() ? "exhaustive, every interleaving" : "random walk") + "), " + e.distinctInterleavings() + " distinct interleavings";
        Map<String, Object> cell = CrossCheckLedger.cell(bug ? "bug" : "clean", detail, secs);
        cell.put("executions", e.executions());
        CrossCheckLedger.record(subject, variant, "simulator", cell);
        if (expectBug != null) assertEquals(expectBug, bug, detail);
    }

    @Test
    void standInPre10305() {
        run(Subject.STAND_IN, Variant.PRE_10305, true);
    }

    @Test
    void standInFix10305() {
        run(Subject.STAND_IN, Variant.FIX_10305, false);
    }

    @Test
    void modelPre10305() {
        run(Subject.MODEL, Variant.PRE_10305, true);
    }

    @Test
    void modelFix10305() {
        run(Subject.MODEL, Variant.FIX_10305, false);
    }

    @Test
    void modelAltVariantsRecorded() {
        Assumptions.assumeTrue(Boolean.getBoolean("crosscheck.alt"), "alternative designs run with -Dcrosscheck.alt=true / -Pcrosscheck-long");
        run(Subject.MODEL, Variant.ALT_RECHECK, null);
        run(Subject.MODEL, Variant.ALT_STATE, null);
    }
}
