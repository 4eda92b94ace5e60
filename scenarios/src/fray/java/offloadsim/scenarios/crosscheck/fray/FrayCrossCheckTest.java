package offloadsim.scenarios.crosscheck.fray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import offloadsim.model.Variant;
import offloadsim.scenarios.crosscheck.CrossCheckLedger;
import offloadsim.scenarios.crosscheck.Subject;
import offloadsim.scenarios.crosscheck.fray.FrayCheck.Budget;
import offloadsim.scenarios.crosscheck.fray.FrayCheck.Result;
import offloadsim.scenarios.crosscheck.fray.FrayCheck.Strategy;
import offloadsim.scenarios.verdict.Expectation;
import offloadsim.scenarios.verdict.ExpectedVerdicts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fray 0.9.2 as the fourth cross-check ({@code mvn -B -Pfray verify}; this class runs on Fray's instrumented JDK
 * with its agents, in the surefire execution "fray"): compaction ‖ unarchive(t1) on real threads over the model's
 * {@code JvmSim} binding, searched by POS, random and SURW. Pre-10305 must fail with the #10220 symptom (or the
 * panic form of the same race); every design expected clean there (fix-10305; head once it is registered) must stay
 * clean over a fixed budget per strategy
 * ({@code crosscheck.fray.executions}, default 1000); a livelocked execution must fail, not hang. Each launch keeps
 * its own Fray report directory under {@code target/fray/runs/} (fray.log, and recording/ for a failure).
 *
 * <p>Budgets are numbers of executions, never wall time: a loaded machine makes a launch slower, not shorter. What
 * ends a hung launch is {@link FrayCheck}'s watchdogs (a step bound per execution, a stall bound on progress); the
 * class timeout below is only a last net for a hang outside a launch, far above what the class takes (32 s at a load
 * average of 8 with fix-10305 the only clean design, 100–180 executions/s; 150 s at a load average of 15 with head
 * and its six designs merged in, eight clean designs; 25–41 executions/s were measured at a load average of 40).
 */
@Timeout(value = 60, unit = TimeUnit.MINUTES)
class FrayCrossCheckTest {

    static final int EXECUTIONS = Integer.getInteger("crosscheck.fray.executions", 1000);
    /** A find under POS, random or SURW took at most 10 executions in every run measured so far (peers-notes §1.8.2). */
    static final int FIND_BUDGET = 1000;
    static final Path RUNS = CrossCheckLedger.targetDir().resolve("fray/runs");

    @BeforeAll
    static void onFraysJdk() {
        String why = FrayCheck.unavailableReason();
        if (why != null) {
            for (Variant v : List.of(Variant.PRE_10305, Variant.FIX_10305))
                CrossCheckLedger.record(Subject.MODEL, v, "fray", CrossCheckLedger.cell("unavailable", why, 0));
        }
        Assumptions.assumeTrue(why == null, why);
        FrayCheck.deleteTree(RUNS);
    }

    static Path reportDir(String name) {
        return RUNS.resolve(name);
    }

    @Test
    void pre10305FailsWithTheRaceUnderEveryStrategy() {
        Map<String, Object> perStrategy = new LinkedHashMap<>();
        StringBuilder detail = new StringBuilder();
        long millis = 0;
        for (Strategy s : Strategy.values()) {
            Result r = FrayCheck.run(Variant.PRE_10305, s, new Budget(FIND_BUDGET, FrayCheck.STEP_BOUND, FrayCheck.STALL_SECONDS), reportDir("pre-10305-" + s.label()));
            System.out.println("Fray " + s.label() + " on pre-10305: " + r.summary());
            millis += r.millis();
            perStrategy.put(s.label(), strategyCell(r));
            detail.append(detail.isEmpty() ? "" : "; ").append(s.label()).append(": ").append(r.found10220() ? "#10220" : r.foundPanic() ? "panic" : "none")
                  .append(" at execution ").append(r.executions());
            assertFalse(r.livelocked(), () -> s.label() + " livelocked instead of finding the race: " + r.failure());
            assertNotNull(r.failure(), () -> s.label() + " found no failing execution of pre-10305 in " + FIND_BUDGET + " executions");
            assertTrue(r.found10220() || r.foundPanic(), () -> s.label() + " failed, but not with the race: " + r.failure());
            assertTrue(Files.isDirectory(r.reportDir().resolve("recording")), () -> "no recording of the failure in " + r.reportDir());
        }
        Map<String, Object> cell = CrossCheckLedger.cell("bug", detail.toString(), millis / 1000.0);
        cell.put("strategies", perStrategy);
        CrossCheckLedger.record(Subject.MODEL, Variant.PRE_10305, "fray", cell);
    }

    /** Every design whose expected verdict on unarchive-during-compaction is clean: fix-10305 (and head, once registered). */
    @Test
    void cleanDesignsStayCleanOverTheBudgetUnderEveryStrategy() {
        ExpectedVerdicts expected = ExpectedVerdicts.load();
        List<Variant> clean = Variant.values().stream().filter(v -> expected.expectation(Subject.SCENARIO, v).verdict() == Expectation.Verdict.CLEAN).toList();
        assertTrue(clean.contains(Variant.FIX_10305), () -> "fix-10305 should be expected clean: " + clean);
        for (Variant v : clean) {
            Map<String, Object> perStrategy = new LinkedHashMap<>();
            StringBuilder detail = new StringBuilder();
            long millis = 0;
            for (Strategy s : Strategy.values()) {
                Result r = FrayCheck.run(v, s, new Budget(EXECUTIONS, FrayCheck.STEP_BOUND, FrayCheck.STALL_SECONDS), reportDir(v.id() + "-" + s.label()));
                System.out.println("Fray " + s.label() + " on " + v.id() + ": " + r.summary());
                millis += r.millis();
                perStrategy.put(s.label(), strategyCell(r));
                detail.append(detail.isEmpty() ? "" : "; ").append(s.label()).append(": ").append(r.executions()).append(" clean, ").append(r.timelines()).append(" timelines");
                assertNull(r.failure(), () -> s.label() + " on " + v.id() + ": " + r.summary());
                assertEquals(EXECUTIONS, r.executions(), () -> s.label() + " stopped before its budget: " + r.summary());
            }
            Map<String, Object> cell = CrossCheckLedger.cell("clean", detail.toString(), millis / 1000.0);
            cell.put("strategies", perStrategy);
            cell.put("executions", EXECUTIONS * Strategy.values().length);
            CrossCheckLedger.record(Subject.MODEL, v, "fray", cell);
        }
    }

    /** A spin through Fray's scheduling points (Thread.yield, as in ConcurrentHashMap.initTable) is failed by the step bound. */
    @Test
    void aLivelockThroughSchedulingPointsFailsTheExecution() {
        Runnable spin = () -> FrayCheck.runThreads(Map.of("spinner", () -> {
            while (!Spin.stop) Thread.yield(); // Spin.stop is never set: the thread livelocks
        }));
        Result r = FrayCheck.launch(spin, Strategy.POS, new Budget(5, 5_000, FrayCheck.STALL_SECONDS), reportDir("livelock-steps"));
        System.out.println("Fray on a yield-spin: " + r.summary());
        assertTrue(r.livelocked(), () -> "the step bound did not fail the livelocked execution: " + r.summary());
        assertFalse(r.hung(), "the step bound should end it, not the stall watchdog");
        assertEquals(1, r.executions());
    }

    /** A spin that never reaches a scheduling point (Thread.onSpinWait is not instrumented, Fray #308) is caught by the stall bound. */
    @Test
    void aLaunchThatNeverReturnsIsReportedHung() {
        int watchdog = 2;
        // Ends by itself, so it does not burn a core for the rest of the run; 10 s past the stall bound, so that a
        // loaded machine delaying the watchdog's polls cannot let the launch return first.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(watchdog + 10);
        Runnable spin = () -> {
            while (System.nanoTime() < end) Thread.onSpinWait();
        };
        Result r = FrayCheck.launch(spin, Strategy.RANDOM, new Budget(1, FrayCheck.STEP_BOUND, watchdog), reportDir("livelock-wall"));
        System.out.println("Fray on an uninstrumented spin: " + FrayCheck.firstLine(r.failure()));
        assertTrue(r.hung(), () -> "the stall watchdog did not fire: " + r.summary());
        assertTrue(r.failure().getMessage().contains("fray-launch-random"), () -> "the report should show the stuck threads: " + r.failure().getMessage());
    }

    /**
     * The stall bound is on progress, not on the launch's length: executions that each end well inside it run to the
     * budget even when the launch as a whole takes longer (what a loaded machine does to a clean run).
     */
    @Test
    void aSlowLaunchThatKeepsProgressingIsNotReportedHung() {
        int watchdog = 3;
        int executions = 8;
        Runnable slow = () -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < end) Thread.onSpinWait();
        };
        Result r = FrayCheck.launch(slow, Strategy.RANDOM, new Budget(executions, FrayCheck.STEP_BOUND, watchdog), reportDir("slow-progress"));
        System.out.println("Fray on slow executions: " + r.summary());
        assertTrue(r.millis() > watchdog * 1000L, () -> "the launch should outlast the stall bound: " + r.summary());
        assertNull(r.failure(), () -> "a launch that keeps starting executions was failed: " + r.summary());
        assertEquals(executions, r.executions(), () -> "stopped before its budget: " + r.summary());
    }

    static final class Spin {
        static volatile boolean stop;
    }

    private static Map<String, Object> strategyCell(Result r) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("verdict", r.failure() == null ? "clean" : r.found10220() || r.foundPanic() ? "bug" : "failed");
        c.put("executions", r.executions());
        c.put("millis", r.millis());
        c.put("timelines", r.timelines());
        if (r.failure() != null) c.put("failure", FrayCheck.firstLine(r.failure()));
        c.put("report", r.reportDir().toString());
        return c;
    }
}
