package offloadsim.scenarios.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import offloadsim.model.Variant;
import offloadsim.scenarios.crosscheck.lincheck.LincheckCheck;
import offloadsim.scenarios.crosscheck.lincheck.TenantFacade;
import offloadsim.scenarios.crosscheck.lincheck.TenantSequentialSpec;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lincheck model checking of the tenant facade against {@link TenantSequentialSpec}, judged by
 * {@link offloadsim.scenarios.crosscheck.lincheck.OffloadInFlightVerifier} (an offload has a begin and an end, so the
 * transient NotFound while it is in flight is legal): pre-10305 must be reported non-linearizable (an acknowledged
 * unarchive, then the endpoint cannot start), fix-10305 must pass after spending its whole budget.
 *
 * <p>Budget (explicit; Lincheck's defaults take far too long here): {@code crosscheck.lincheck.iterations}
 * (3) random scenarios × {@code crosscheck.lincheck.invocations} (50) interleavings, 2 threads ×
 * {@code crosscheck.lincheck.actorsPerThread} (2) actors, 1 actor before and 1 after, plus one custom scenario
 * that is the #10220 story: {@code [compaction] || [unarchive, endpointStart]}. {@code -Pcrosscheck-long}
 * raises it (30 × 1000). One invocation of this facade costs 10–40 ms under Lincheck's model checker on 2 cores
 * (fair ReentrantLocks, maps, the tenant built per invocation), so the budget is smaller than for toy classes.
 * Lincheck takes a global lock: do not run these in parallel.
 *
 * <p>Every budget is a number of scenarios and invocations, never wall time, so a loaded machine makes a run slower but
 * never ends it early or fails it. A hung invocation is Lincheck's to report (its hang detector: 60 s per invocation
 * here, {@link LincheckCheck}; 30 s in general-purpose mode). The class timeout is only a last net, far above the
 * slowest test measured (general-purpose on the model: 134 s at a load average of 8; about 3 s per invocation at a
 * load average of 40).
 */
@Timeout(value = 60, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LincheckCrossCheckTest {

    /** The budget and the check itself live in main code, shared with ./offload-sim bench. */
    static final LincheckCheck CHECK = LincheckCheck.fromSystemProperties();

    static String config() {
        return CHECK.describe();
    }

    /** Alternative designs are recorded, not asserted (no expected verdict yet); -Dcrosscheck.alt=true or -Pcrosscheck-long. */
    static final boolean ALT = Boolean.getBoolean("crosscheck.alt");

    /** @param expectBug true / false to assert the verdict, null to record it only */
    void run(Subject subject, Variant variant, Boolean expectBug) {
        String unavailable = subject.unavailableReason(variant);
        if (unavailable != null) {
            CrossCheckLedger.record(subject, variant, "lincheck", CrossCheckLedger.cell("unavailable", unavailable, 0));
            Assumptions.abort(unavailable);
        }
        long t0 = System.nanoTime();
        LincheckCheck.Outcome outcome = CHECK.runCounted(TenantFacade.classFor(subject, variant));
        LincheckAssertionError failure = outcome.failure();
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> cell;
        if (failure == null) {
            cell = CrossCheckLedger.cell("clean", "linearizable (offload-in-flight spec): " + outcome.invocations() + " invocations completed over "
                    + outcome.scenarios() + " scenarios; " + config(), secs);
        } else {
            String msg = String.valueOf(failure.getMessage());
            System.out.println("Lincheck failure for " + subject.id() + "/" + variant.id() + " after " + outcome.invocations() + " invocations:\n" + msg);
            cell = CrossCheckLedger.cell("bug", firstLines(msg), secs);
        }
        cell.put("config", config());
        cell.put("invocations", outcome.invocations());
        cell.put("scenarios", outcome.scenarios());
        CrossCheckLedger.record(subject, variant, "lincheck", cell);
        if (expectBug == null) return;
        if (expectBug) {
            if (failure == null) fail("Lincheck found no non-linearizable history on " + subject.id() + "/" + variant.id() + " (" + config() + ")");
            String msg = failure.getMessage();
            assertTrue(msg.contains("Invalid execution results"), () -> "expected a linearizability failure, got:\n" + msg);
            assertTrue(msg.contains("unarchive") && msg.contains("compaction"), () -> "the failing history should involve unarchive and compaction:\n" + msg);
            assertTrue(LincheckCheck.shows10220(failure), () -> "the failing history should show an unavailable endpoint or a failed op:\n" + msg);
        } else {
            if (failure != null) throw failure;
            // the whole budget was spent: every random scenario and the custom one ran and had its histories verified
            assertEquals(CHECK.scenarios(), outcome.scenarios(), () -> "Lincheck verified histories of " + outcome.scenarios() + " scenarios, expected " + CHECK.scenarios());
            assertTrue(outcome.invocations() >= CHECK.scenarios(), () -> "only " + outcome.invocations() + " invocations completed");
        }
    }

    private static String firstLines(String msg) {
        return msg.lines().filter(l -> l.contains("|") || l.startsWith("=")).limit(8).reduce((a, b) -> a + " / " + b).orElse(msg).replaceAll("\\s+", " ");
    }

    // ---- second formulation: Lincheck's general-purpose mode with an explicit assertion (I1 liveness form)

    static final int GP_INVOCATIONS = Integer.getInteger("crosscheck.lincheck.gpInvocations", 500);

    /** compaction || unarchive(t1) on two threads; then, if the unarchive was acknowledged, the endpoint must start. */
    static AssertionError generalPurpose(Subject subject, Variant variant) {
        try {
            org.jetbrains.lincheck.Lincheck.runConcurrentTest(GP_INVOCATIONS, () -> {
                TenantApi tenant = subject.start(new offloadsim.sim.jvm.JvmSim(true, 1, false), variant);
                offloadsim.model.OpResult[] unarchive = new offloadsim.model.OpResult[1];
                Thread compaction = new Thread(tenant::compactionIteration);
                Thread user = new Thread(() -> unarchive[0] = tenant.unarchive("t1"));
                compaction.start();
                user.start();
                try {
                    compaction.join();
                    user.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                if (unarchive[0].ok()) {
                    offloadsim.model.OpResult endpoint = tenant.getTimeline("t1", true);
                    if (!endpoint.ok()) throw new AssertionError("#10220: unarchive(t1) acknowledged, then endpoint start: " + endpoint);
                }
            });
            return null;
        } catch (AssertionError e) {
            return e;
        }
    }

    void runGeneralPurpose(Subject subject, Variant variant, boolean expectBug) {
        String unavailable = subject.unavailableReason(variant);
        Assumptions.assumeTrue(unavailable == null, unavailable);
        long t0 = System.nanoTime();
        AssertionError failure = generalPurpose(subject, variant);
        CrossCheckLedger.annotate(subject, variant, "lincheck", "generalPurpose", Map.of(
                "verdict", failure == null ? "clean" : "bug",
                "invocations", GP_INVOCATIONS,
                "seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0,
                "detail", failure == null ? "no failing execution" : String.valueOf(failure.getMessage()).lines().filter(l -> l.contains("#10220")).findFirst().orElse("failed")));
        if (failure != null) System.out.println("Lincheck (general-purpose) failure for " + subject.id() + "/" + variant.id() + ":\n" + failure.getMessage());
        if (expectBug) {
            if (failure == null) fail("Lincheck general-purpose mode found no #10220 execution on " + subject.id() + "/" + variant.id() + " in " + GP_INVOCATIONS + " invocations");
            assertTrue(String.valueOf(failure.getMessage()).contains("#10220"), () -> "unexpected failure: " + failure.getMessage());
        } else if (failure != null) {
            throw failure;
        }
    }

    @Test
    void standInGeneralPurpose() {
        runGeneralPurpose(Subject.STAND_IN, Variant.PRE_10305, true);
        runGeneralPurpose(Subject.STAND_IN, Variant.FIX_10305, false);
    }

    @Test
    void modelGeneralPurpose() {
        runGeneralPurpose(Subject.MODEL, Variant.PRE_10305, true);
        runGeneralPurpose(Subject.MODEL, Variant.FIX_10305, false);
    }

    @Test
    void standInPre10305IsNotLinearizable() {
        run(Subject.STAND_IN, Variant.PRE_10305, true);
    }

    @Test
    void standInFix10305IsLinearizable() {
        run(Subject.STAND_IN, Variant.FIX_10305, false);
    }

    @Test
    void modelPre10305IsNotLinearizable() {
        run(Subject.MODEL, Variant.PRE_10305, true);
    }

    @Test
    void modelFix10305IsLinearizableWithTheOffloadInFlight() {
        run(Subject.MODEL, Variant.FIX_10305, false);
    }

    @Test
    void modelAltRecheckRecorded() {
        Assumptions.assumeTrue(ALT, "alternative designs run with -Dcrosscheck.alt=true / -Pcrosscheck-long");
        run(Subject.MODEL, Variant.ALT_RECHECK, null);
    }

    @Test
    void modelAltStateRecorded() {
        Assumptions.assumeTrue(ALT, "alternative designs run with -Dcrosscheck.alt=true / -Pcrosscheck-long");
        run(Subject.MODEL, Variant.ALT_STATE, null);
    }
}
