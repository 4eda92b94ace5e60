package offloadsim.reports.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import offloadsim.model.Variant;
import offloadsim.scenarios.crosscheck.Subject;
import offloadsim.scenarios.crosscheck.lincheck.LincheckCheck;
import offloadsim.scenarios.crosscheck.lincheck.TenantFacade;

/**
 * Times the suite's Lincheck model check of the tenant facade (same options, same custom #10220 scenario, on the
 * real model) in this JVM, {@code runs} times per variant. Lincheck stops at its first non-linearizable history, so
 * on pre-10305 the time is its time to report the bug; on fix-10305 it is the time to exhaust the budget.
 */
public final class LincheckBench {

    /**
     * One variant's repetitions: wall time of each run (ms), how many runs reported #10220 (as the suite decides),
     * and how many stopped at a non-linearizable history that is only the model's transient NotFound window —
     * Lincheck stops at its first failure either way, so such a run's time is not a full pass of the budget.
     */
    public record Result(Variant variant, String config, List<Long> millis, int reported, int notFoundOnly) {}

    private LincheckBench() {}

    /** @param log progress lines (stderr): a run takes seconds */
    public static Result measure(Variant variant, int runs, PrintStream log) {
        LincheckCheck check = LincheckCheck.fromSystemProperties();
        Class<? extends TenantFacade> facade = TenantFacade.classFor(Subject.MODEL, variant);
        List<Long> millis = new ArrayList<>();
        int reported = 0;
        int notFoundOnly = 0;
        for (int i = 1; i <= runs; i++) {
            long t0 = System.nanoTime();
            AssertionError failure = check.run(facade);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            millis.add(ms);
            boolean bug = LincheckCheck.reportsBug(failure, true);
            if (bug) reported++;
            else if (failure != null) notFoundOnly++;
            log.printf("bench: Lincheck %s run %d/%d: %d ms, %s%n", variant.id(), i, runs, ms,
                    bug ? "#10220 reported" : failure == null ? "linearizable" : "only the transient NotFound window (not #10220)");
        }
        return new Result(variant, check.describe(), millis, reported, notFoundOnly);
    }
}
