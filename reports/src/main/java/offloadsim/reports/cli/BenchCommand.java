package offloadsim.reports.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import offloadsim.model.Variant;
import offloadsim.reports.bench.FrayBench;
import offloadsim.reports.bench.JcstressBench;
import offloadsim.reports.bench.LincheckBench;
import offloadsim.reports.bench.ThroughputBench;
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
 * per strategy (median and p10–p90 over many seeds), executions/second and time to a complete search on the
 * fixed variant, then Fray's executions and wall time to the bug per strategy and executions/second on the fix (in a
 * second JVM on Fray's JDK, when {@code -Pfray} has built it), then Lincheck's
 * time to report the bug (and to pass the fix) and jcstress's sample counts in a fixed time, measured here
 * rather than read from the last suite run. The simulator goes first: Lincheck instruments classes in this JVM.
 */
@Command(name = "bench", description = "Measure strategies, Fray, Lincheck and jcstress side by side on unarchive-during-compaction; prints a Markdown table.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--seeds", defaultValue = "50", description = "Independent seeds per strategy (default ${DEFAULT-VALUE}, at least 50 for the README figures)")
    int seeds;

    @Option(names = "--fix-executions", defaultValue = "50000", description = "Executions per round on unarchive-during-compaction / fix-10305 for the throughput rows (default ${DEFAULT-VALUE}; 0 skips the throughput rows)")
    long fixExecutions;

    @Option(names = "--chaos-executions", defaultValue = "15000", description = "Executions per round on archival-chaos / fix-10305 for the throughput rows (default ${DEFAULT-VALUE}; 0 skips that cell)")
    long chaosExecutions;

    @Option(names = "--rounds", defaultValue = "4", description = "Rounds per throughput launch; the first is cold (JIT warm-up), the rest give the warm rate (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--launches", defaultValue = "3", description = "Fresh JVMs per build and cell for the throughput rows, the builds taking turns (default ${DEFAULT-VALUE})")
    int launches;

    @Option(names = "--jobs", description = "Threads for the multi-threaded throughput row (default: the machine's cores; 1 leaves the row out)")
    Integer jobs;

    @Option(names = "--baseline-jar", description = "An older build's offload-sim.jar to measure the throughput rows against, side by side (.ci/bench-baseline builds one from a git ref)")
    Path baselineJar;

    @Option(names = "--baseline-label", description = "What to call the --baseline-jar build in the table (default: the name of the directory it is in)")
    String baselineLabel;

    @Option(names = "--lincheck-runs", defaultValue = "3", description = "Lincheck model checks per variant; the table shows the median (default ${DEFAULT-VALUE}; 0 skips Lincheck)")
    int lincheckRuns;

    @Option(names = "--jcstress-seconds", defaultValue = "10", description = "jcstress sampling time per test: one fork, this many 1 s iterations (default ${DEFAULT-VALUE}; 0 skips jcstress)")
    int jcstressSeconds;

    @Option(names = "--fray-runs", defaultValue = "20", description = "Fray launches per strategy (POS, random, SURW) on pre-10305, each to its first failure (default ${DEFAULT-VALUE}; 0 skips Fray)")
    int frayRuns;

    @Option(names = "--fray-fix-executions", defaultValue = "2000", description = "Fray executions per strategy on fix-10305 for the throughput rows (default ${DEFAULT-VALUE})")
    int frayFixExecutions;

    @Option(names = "--no-cross-checks", description = "Skip Fray, Lincheck and jcstress (simulator rows only, a few seconds)")
    boolean noCrossChecks;

    @Override
    public Integer call() throws Exception {
        // every input is checked before anything is measured: a bad flag costs no time
        if (seeds < 1) throw new IllegalArgumentException("--seeds must be at least 1");
        Inputs.nonNegative(fixExecutions, "--fix-executions");
        Inputs.nonNegative(chaosExecutions, "--chaos-executions");
        if (rounds < 1) throw new IllegalArgumentException("--rounds must be at least 1");
        if (launches < 1) throw new IllegalArgumentException("--launches must be at least 1");
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > 256) throw new IllegalArgumentException("--jobs must be between 1 and 256, got " + threads);
        if (baselineJar != null && !java.nio.file.Files.isRegularFile(baselineJar)) throw new IllegalArgumentException("--baseline-jar " + baselineJar + ": no such file");
        Inputs.nonNegative(lincheckRuns, "--lincheck-runs");
        Inputs.nonNegative(jcstressSeconds, "--jcstress-seconds");
        Inputs.nonNegative(frayRuns, "--fray-runs");
        Inputs.nonNegative(frayFixExecutions, "--fray-fix-executions");
        PrintStream log = System.err; // progress, and jcstress's console output: stdout stays the Markdown table
        Scenario s = ScenarioCatalog.byName("unarchive-during-compaction");
        var w = spec.commandLine().getOut();
        w.println("| measurement (unarchive-during-compaction) | strategy | median | p10 – p90 | runs |");
        w.println("|---|---|---|---|---|");
        Map<String, Long> ourMedianMicros = new LinkedHashMap<>();
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
            if (!micros.isEmpty()) ourMedianMicros.put(name, medianOf(micros));
        }
        for (boolean por : new boolean[] {true, false}) {
            List<Long> millis = new ArrayList<>();
            Exploration last = null;
            for (int i = 0; i < 5; i++) { // deterministic search: repeated only to see the wall-time spread
                last = Explorer.explore(s.program(Variant.FIX_10305), StrategySpec.of("exhaustive", 1, -1, por).create(), Explorer.Budget.seeds(1, 1_000_000),
                        s.runOptions(), Explorer.Progress.NONE);
                millis.add(last.elapsedNanos() / 1_000_000);
            }
            w.printf("| time to `complete` (ms), fix-10305: %d executions, %d traces, %d violations | %s | %s | %s | 5 repeats |%n", last.executions(), last.distinctTraces(),
                    last.failures(), last.strategyDescription(), median(millis), spread(millis));
        }
        w.flush();
        throughputRows(w, log, threads);
        if (!noCrossChecks && frayRuns > 0) frayRows(w, log, ourMedianMicros);
        if (!noCrossChecks && lincheckRuns > 0) {
            for (Variant v : List.of(Variant.PRE_10305, Variant.FIX_10305)) {
                LincheckBench.Result r = LincheckBench.measure(v, lincheckRuns, log);
                String what = v == Variant.PRE_10305 ? "time to report #10220, pre-10305 (s)" : "time to verdict, fix-10305 (s)";
                String found = v == Variant.PRE_10305 ? r.reported() + " of " + r.millis().size() + " reported #10220"
                        : r.clean() + " of " + r.millis().size() + " clean, " + medianOf(r.invocations()) + " invocations completed (median; " + r.scenarios()
                        + " scenarios each)" + (r.otherFailures() > 0 ? ", " + r.otherFailures() + " failed" : "");
                w.printf("| %s | Lincheck, %s | %s | %s (min – max) | %s |%n", what, r.config(), seconds(medianOf(r.millis())), seconds(min(r.millis())) + " – " + seconds(max(r.millis())), found);
                w.flush();
            }
        }
        if (!noCrossChecks && jcstressSeconds > 0) {
            JcstressBench.Result r = JcstressBench.measure(jcstressSeconds, log);
            log.printf("bench: jcstress reports in %s%n", r.reportDir());
            w.printf("| samples in %d s, pre-10305 (`%s`) | jcstress, TenantStress.ModelPre | %s | | %s of them stranded-Stopping (#10220) |%n",
                    jcstressSeconds, r.budget(), r.pre() == null ? "did not run" : String.format("%,d", r.pre().total()), String.format("%,d", r.strandedPre()));
            w.printf("| samples in %d s, fix-10305 (`%s`) | jcstress, TenantStress.ModelFix | %s | | %s of them stranded-Stopping (#10220) |%n",
                    jcstressSeconds, r.budget(), r.fix() == null ? "did not run" : String.format("%,d", r.fix().total()), String.format("%,d", r.strandedFix()));
            w.printf("| wall time of that jcstress run, both tests (s) | jcstress | %.1f | | |%n", r.wallSeconds());
        }
        w.flush();
        return 0;
    }

    /**
     * Random walk's executions per second on fix-10305 (unarchive-during-compaction, and archival-chaos),
     * each launch a fresh JVM ({@link ThroughputBench}); with {@code --baseline-jar} the older build is
     * measured in turn with this one and the table gives the ratios.
     */
    private void throughputRows(java.io.PrintWriter w, PrintStream log, int threads) throws Exception {
        String base = baselineLabel != null ? baselineLabel
                : baselineJar == null ? null
                : baselineJar.toAbsolutePath().getParent() == null ? baselineJar.getFileName().toString() : baselineJar.toAbsolutePath().getParent().getFileName().toString();
        record Config(String label, ThroughputBench.Build build, int threads, boolean baseline) {}
        List<Config> configs = new ArrayList<>();
        configs.add(new Config("this build, 1 thread", ThroughputBench.Build.current("this build"), 1, false));
        if (baselineJar != null) configs.add(new Config(base + ", 1 thread", ThroughputBench.Build.jar(base, baselineJar), 1, true));
        if (threads > 1) configs.add(new Config("this build, " + threads + " threads", ThroughputBench.Build.current("this build"), threads, false));
        record Cell(String scenario, long perRound) {}
        for (Cell cell : List.of(new Cell("unarchive-during-compaction", fixExecutions), new Cell("archival-chaos", chaosExecutions))) {
            if (cell.perRound() == 0) continue;
            Map<Config, List<ThroughputBench.Launch>> runs = new LinkedHashMap<>();
            for (int l = 0; l < launches; l++) {
                for (Config c : configs) { // the builds take turns: a load change on the machine weighs on each alike
                    log.printf("bench: throughput %s, %s, launch %d of %d%n", cell.scenario(), c.label(), l + 1, launches);
                    runs.computeIfAbsent(c, k -> new ArrayList<>()).add(ThroughputBench.launch(c.build(), cell.scenario(), "fix-10305", cell.perRound(), rounds, c.threads()));
                }
            }
            Map<Config, Double> warm = new LinkedHashMap<>();
            Map<Config, Double> warmCpu = new LinkedHashMap<>();
            for (var e : runs.entrySet()) {
                List<Double> warms = e.getValue().stream().map(ThroughputBench.Launch::warm).toList();
                List<Double> colds = e.getValue().stream().map(ThroughputBench.Launch::cold).toList();
                List<Double> cpus = e.getValue().stream().map(ThroughputBench.Launch::warmCpu).filter(x -> !x.isNaN()).toList();
                ThroughputBench.Launch first = e.getValue().getFirst();
                warm.put(e.getKey(), ThroughputBench.median(warms));
                if (!cpus.isEmpty()) warmCpu.put(e.getKey(), ThroughputBench.median(cpus));
                w.printf("| executions/second, random, %s / fix-10305, warm | %s | %.0f | %.0f – %.0f | %d launches × %d rounds of %d; cold first round %.0f/s; %s%.1f steps/execution, %d violations per launch |%n",
                        cell.scenario(), e.getKey().label(), ThroughputBench.median(warms), java.util.Collections.min(warms), java.util.Collections.max(warms),
                        launches, rounds, cell.perRound(), ThroughputBench.median(colds),
                        cpus.isEmpty() ? "" : String.format("%.0f per CPU-second of the exploring thread; ", ThroughputBench.median(cpus)),
                        first.stepsPerExecution(), first.failures());
                w.flush();
            }
            Config ours = configs.getFirst();
            for (Config c : configs) {
                if (c == ours) continue;
                String what = c.baseline() ? "this build ÷ " + base + ", 1 thread" : c.label() + " ÷ 1 thread";
                double ratio = c.baseline() ? warm.get(ours) / warm.get(c) : warm.get(c) / warm.get(ours);
                w.printf("| warm executions/second, %s / fix-10305: %s | ratio | %.2f× | | |%n", cell.scenario(), what, ratio);
                // per CPU-second of the exploring thread: what a busy machine distorts least
                if (c.baseline() && warmCpu.containsKey(ours) && warmCpu.containsKey(c))
                    w.printf("| warm executions per CPU-second, %s / fix-10305: %s | ratio | %.2f× | | |%n", cell.scenario(), what, warmCpu.get(ours) / warmCpu.get(c));
            }
            w.flush();
        }
    }

    /** Fray's rows, measured in a second JVM on Fray's JDK, right after ours and in the same units. */
    private void frayRows(java.io.PrintWriter w, PrintStream log, Map<String, Long> ourMedianMicros) throws Exception {
        Path home = Path.of(System.getProperty("offloadsim.home", "."));
        String why = FrayBench.unavailableReason(home);
        if (why != null) {
            log.println("bench: " + why + "; Fray rows skipped");
            return;
        }
        log.println("bench: Fray (second JVM on " + home.resolve("scenarios/target/fray/fray-java") + ") ...");
        FrayBench.Result r = FrayBench.measure(home, frayRuns, frayFixExecutions, log);
        if (r.unavailable() != null) {
            log.println("bench: " + r.unavailable() + "; Fray rows skipped");
            return;
        }
        log.printf("bench: Fray reports in %s%n", r.reportDir());
        for (FrayBench.Finds f : r.pre()) {
            long panics = f.forms().stream().filter("panic"::equals).count();
            w.printf("| executions to first bug, pre-10305 | Fray 0.9.2 %s | %s | %s | %d of %d found%s |%n", f.strategy(), median(f.executions()), spread(f.executions()),
                    f.executions().size(), f.launches(), panics > 0 ? " (" + panics + " as the panic)" : "");
            w.printf("| wall time to first bug, pre-10305 (µs) | Fray %s | %s | %s | |%n", f.strategy(), median(f.micros()), spread(f.micros()));
        }
        for (FrayBench.Fix f : r.fix())
            w.printf("| executions/second, fix-10305 (%d runs, %d violations%s) | Fray %s | %.0f | | %d timelines |%n", f.executions(), f.failures(),
                    f.failure() == null ? "" : ": " + f.failure(), f.strategy(), f.perSecond(), f.timelines());
        Long ours = ourMedianMicros.getOrDefault("random", ourMedianMicros.values().stream().findFirst().orElse(null));
        for (FrayBench.Finds f : r.pre())
            if (ours != null && ours > 0 && !f.micros().isEmpty())
                w.printf("| median time to first bug, Fray %s ÷ ours (random) | ratio | %.0f× | | |%n", f.strategy(), medianOf(f.micros()) / (double) ours);
        w.flush();
    }

    private static String seconds(long millis) {
        return String.format("%.1f", millis / 1000.0);
    }

    private static long min(List<Long> xs) {
        return Collections.min(xs);
    }

    private static long max(List<Long> xs) {
        return Collections.max(xs);
    }

    private static long medianOf(List<Long> xs) {
        List<Long> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
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
