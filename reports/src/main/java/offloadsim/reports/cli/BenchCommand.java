package offloadsim.reports.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.explore.StrategySpec;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Side-by-side measurements in one run on one machine: schedules and wall time to the first #10220 bug
 * per strategy (median and p10–p90 over many seeds), executions/second and time to a complete search on
 * the fixed variant, and Lincheck's and jcstress's figures on the same scenario (see {@link CrossCheckBench}).
 */
@Command(name = "bench", description = "Measure strategies side by side on unarchive-during-compaction; prints a Markdown table.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seeds", defaultValue = "50", description = "Independent seeds per strategy (default ${DEFAULT-VALUE}, at least 50 for the README figures)")
    int seeds;

    @Option(names = "--fix-executions", defaultValue = "50000", description = "Executions on fix-10305 for the throughput row (default ${DEFAULT-VALUE})")
    long fixExecutions;

    @Option(names = "--no-cross-checks", description = "Skip the Lincheck and jcstress rows (they run the cross-check suites through Maven, about 2 minutes)")
    boolean noCrossChecks;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be at least 1");
        Inputs.nonNegative(fixExecutions, "--fix-executions");
        Scenario s = ScenarioCatalog.byName("unarchive-during-compaction");
        var w = spec.commandLine().getOut();
        w.println("| measurement (unarchive-during-compaction) | strategy | median | p10 – p90 | runs |");
        w.println("|---|---|---|---|---|");
        for (String name : StrategySpec.NAMES) {
            StrategySpec spec0 = StrategySpec.of(name, 3, -1, true);
            List<Long> schedules = new ArrayList<>();
            List<Long> micros = new ArrayList<>();
            int runs = name.equals("exhaustive") ? 1 : seeds; // exhaustive search is deterministic: one run says it all
            for (int i = 0; i < runs; i++) {
                long first = 1 + (long) i * 1_000_003L; // disjoint seed streams
                Exploration e = Explorer.explore(s.program(Variant.PRE_10305), spec0.create(), new Explorer.Budget(first, 1_000_000, true, 1), s.runOptions(), Explorer.Progress.NONE);
                if (e.firstFailureAt() > 0) {
                    schedules.add(e.firstFailureAt());
                    micros.add(e.elapsedNanos() / 1000);
                }
            }
            w.printf("| schedules to first bug, pre-10305 | %s | %s | %s | %d of %d found |%n", spec0.create().describe(), median(schedules), spread(schedules), schedules.size(), runs);
            w.printf("| wall time to first bug, pre-10305 (µs) | %s | %s | %s | |%n", name, median(micros), spread(micros));
        }
        Exploration fix = Explorer.explore(s.program(Variant.FIX_10305), StrategySpec.random().create(), Explorer.Budget.seeds(1, fixExecutions), s.runOptions(), Explorer.Progress.NONE);
        w.printf("| executions/second, fix-10305 (%d runs, %d violations) | random | %.0f | | |%n", fix.executions(), fix.failures(), fix.executionsPerSecond());
        for (boolean por : new boolean[] {true, false}) {
            List<Long> millis = new ArrayList<>();
            Exploration last = null;
            for (int i = 0; i < 5; i++) { // deterministic search: repeat only to see the wall-time spread
                last = Explorer.explore(s.program(Variant.FIX_10305), StrategySpec.of("exhaustive", 1, -1, por).create(), Explorer.Budget.seeds(1, 1_000_000),
                        s.runOptions(), Explorer.Progress.NONE);
                millis.add(last.elapsedNanos() / 1_000_000);
            }
            w.printf("| time to `complete` (ms), fix-10305: %d executions, %d traces, %d violations | %s | %s | %s | 5 repeats |%n", last.executions(), last.distinctTraces(),
                    last.failures(), last.strategyDescription(), median(millis), spread(millis));
        }
        w.flush();
        if (!noCrossChecks) CrossCheckBench.run(Path.of(System.getProperty("offloadsim.home", ".")).toAbsolutePath(), w);
        w.flush();
        return 0;
    }

    private static String median(List<Long> xs) {
        if (xs.isEmpty()) return "-";
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return String.valueOf(s.get(s.size() / 2));
    }

    private static String spread(List<Long> xs) {
        if (xs.isEmpty()) return "-";
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 10) + " – " + s.get(Math.min(s.size() - 1, s.size() * 9 / 10));
    }
}
