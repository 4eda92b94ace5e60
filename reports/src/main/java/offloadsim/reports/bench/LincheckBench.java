package offloadsim.reports.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import offloadsim.model.Variant;
import offloadsim.scenarios.crosscheck.Subject;
import offloadsim.scenarios.crosscheck.lincheck.LincheckCheck;
import offloadsim.scenarios.crosscheck.lincheck.TenantFacade;

/**
 * Times the suite's Lincheck model check of the tenant facade (same options, same custom #10220 scenario, same
 * offload-in-flight specification, on the real model) in this JVM, {@code runs} times per variant. Lincheck stops at
 * its first non-linearizable history, so on pre-10305 the time is its time to report the bug; on fix-10305, where
 * the specification admits the transient NotFound, it is the time to spend the whole budget, and the invocations
 * completed say how much of it was spent.
 */
public final class LincheckBench {

    /**
     * One variant's repetitions: wall time (ms) and invocations completed of each run, how many runs reported #10220
     * (an unavailable endpoint or failed operation in the failing history), how many were clean, how many failed
     * otherwise, and the scenarios a clean run covers (random ones plus the custom #10220 one).
     */
    public record Result(Variant variant, String config, List<Long> millis, List<Long> invocations, int reported, int clean, int otherFailures, int scenarios) {}

    private LincheckBench() {}

    /** @param log progress lines (stderr): a run takes seconds */
    public static Result measure(Variant variant, int runs, PrintStream log) {
        LincheckCheck check = LincheckCheck.fromSystemProperties();
        Class<? extends TenantFacade> facade = TenantFacade.classFor(Subject.MODEL, variant);
        List<Long> millis = new ArrayList<>();
        List<Long> invocations = new ArrayList<>();
        int reported = 0;
        int clean = 0;
        int other = 0;
        for (int i = 1; i <= runs; i++) {
            long t0 = System.nanoTime();
            LincheckCheck.Outcome o = check.runCounted(facade);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            millis.add(ms);
            invocations.add(o.invocations());
            boolean bug = LincheckCheck.shows10220(o.failure());
            if (bug) reported++;
            else if (o.failure() == null) clean++;
            else other++;
            log.printf("bench: Lincheck %s run %d/%d: %d ms, %d invocations over %d scenarios, %s%n", variant.id(), i, runs, ms, o.invocations(), o.scenarios(),
                    bug ? "#10220 reported" : o.failure() == null ? "linearizable" : "failed: " + String.valueOf(o.failure().getMessage()).lines().findFirst().orElse(""));
        }
        return new Result(variant, check.describe(), millis, invocations, reported, clean, other, check.scenarios());
    }
}
