package offloadsim.reports.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import offloadsim.scenarios.crosscheck.jcstress.JcstressRunner;
import offloadsim.scenarios.crosscheck.jcstress.JcstressRunner.Counts;
import offloadsim.scenarios.crosscheck.jcstress.TenantStress;

/**
 * One jcstress run of the model stress tests (TenantStress.ModelPre and ModelFix: compaction vs unarchive(t1) on
 * hardware threads) with a fixed time budget per test: one fork, {@code seconds} iterations of 1 s. jcstress runs
 * in this JVM as host and forks its test VMs with this JVM's class path (the shaded jar holds the generated runners
 * and META-INF/TestList). Its console output goes to {@code log}, so stdout stays the Markdown table.
 */
public final class JcstressBench {

    /** Samples and #10220 (stranded-Stopping) samples per test; null counts mean the test did not run. */
    public record Result(Counts pre, Counts fix, long strandedPre, long strandedFix, double wallSeconds, String budget, Path reportDir) {}

    private JcstressBench() {}

    public static Result measure(int seconds, PrintStream log) throws Exception {
        Path dir = Files.createTempDirectory("offload-sim-bench-jcstress");
        String[] budget = {"-f", "1", "-iters", String.valueOf(seconds), "-time", "1000"};
        PrintStream out = System.out;
        JcstressRunner.Run run;
        System.setOut(log); // jcstress prints its progress on System.out
        try {
            run = JcstressRunner.run(dir, List.of(TenantStress.ModelPre.class, TenantStress.ModelFix.class), budget);
        } finally {
            System.setOut(out);
        }
        Counts pre = run.byClass().get(TenantStress.ModelPre.class.getName());
        Counts fix = run.byClass().get(TenantStress.ModelFix.class.getName());
        return new Result(pre, fix, stranded(pre), stranded(fix), run.seconds(), String.join(" ", budget), dir);
    }

    private static long stranded(Counts c) {
        return c == null ? 0 : c.count(TenantStress.STRANDED_STOPPING);
    }
}
