package offloadsim.reports.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import offloadsim.model.Variant;
import offloadsim.reports.AtomicFiles;
import offloadsim.reports.findings.LedgerCheck;
import offloadsim.scenarios.findings.Classifier;
import offloadsim.scenarios.findings.Ledger;
import offloadsim.sim.explore.NondeterminismException;
import offloadsim.reports.json.CoverageJson;
import offloadsim.reports.json.ExplorationJson;
import offloadsim.scenarios.points.ScenarioPoints;
import offloadsim.reports.junit.JunitXml;
import offloadsim.reports.junit.StepSummary;
import offloadsim.reports.json.Json;
import offloadsim.reports.term.ProgressBar;
import offloadsim.scenarios.Scenario;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "explore", description = "Explore one scenario on one variant; exit 1 when a violation is found.")
final class ExploreCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Mixin
    StrategyOptions strategy = new StrategyOptions();

    @Option(names = "--seeds", description = "Seed range A..B (both inclusive); execution i uses seed A+i (default 1..1000)")
    String seeds;

    @Option(names = "--schedules", description = "At most this many executions")
    Long schedules;

    @Option(names = "--shard", description = "i/n: explore only part i of n. Random strategies: the i-th of n contiguous slices of the seed range; exhaustive and dpor: the i-th of n disjoint sets of decision prefixes (merge says complete only if every part completed)")
    String shard;

    @Option(names = "--jobs", description = "exhaustive and dpor: split the search into N parts by decision prefixes and run them on N local threads")
    Integer jobs;

    @Option(names = "--stop-at-first", description = "Stop at the first failing execution")
    boolean stopAtFirst;

    @Option(names = "--no-reduction-factor", description = "Exhaustive search with reduction: skip re-running it without reduction to measure the reduction factor")
    boolean noReductionFactor;

    @Mixin
    CiOutputOptions ci = new CiOutputOptions();

    @Option(names = "--json", description = "Print the result as JSON (schema offload-sim/v1)")
    boolean json;

    @Option(names = "--out", description = "Also write the JSON result to this file (atomically)")
    Path out;

    @Option(names = "--fail-on", defaultValue = "any", description = "any: exit 1 on any violation; new: only on a violation no ledger entry covers on this variant, or an expected finding that did not show (default ${DEFAULT-VALUE})")
    String failOn;

    @Option(names = "--recheck-ratio", defaultValue = "0.01", description = "Share of executions replayed to check that the same schedule gives the same trace hash (determinism self-check; 0 turns it off; default ${DEFAULT-VALUE})")
    double recheckRatio;

    @Option(names = "--coverage", description = "Print every reached point, interleaved pair and unreached point (the summary line is always printed)")
    boolean coverage;

    @Option(names = "--shrink-attempts", defaultValue = "600", description = "Replays per shrink when fingerprinting each kept violation (default ${DEFAULT-VALUE})")
    int shrinkAttempts;

    @Override
    public Integer call() throws Exception {
        var mode = LedgerCheck.FailOn.parse(failOn);
        Scenario s = scenario.load();
        Variant v = scenario.variant();
        Inputs.nonNegative(shrinkAttempts, "--shrink-attempts");
        var spec0 = strategy.spec();
        // exhaustive search ignores seeds: its budget is --schedules alone (default a million)
        long defaultLast = spec0.systematic() ? (schedules != null ? Math.max(1, schedules) : 1_000_000) : 1000;
        long[] range = seeds == null ? new long[] {1, defaultLast} : Inputs.seeds(seeds);
        String shardText = null;
        int[] part = null;
        if (jobs != null && (jobs < 1 || jobs > 256)) throw new IllegalArgumentException("--jobs must be between 1 and 256, got " + jobs);
        if (jobs != null && !spec0.systematic()) throw new IllegalArgumentException("--jobs splits exhaustive and dpor searches; run seed ranges with --shard");
        if (jobs != null && shard != null) throw new IllegalArgumentException("--jobs and --shard do not combine: a shard is one part");
        if (shard != null && spec0.systematic()) {
            part = Inputs.shard(shard);
            shardText = shard;
        } else if (shard != null) {
            int[] sh = Inputs.shard(shard);
            long count = range[1] - range[0] + 1;
            long from = range[0] + count * sh[0] / sh[1];
            long to = range[0] + count * (sh[0] + 1) / sh[1] - 1;
            range = new long[] {from, to};
            shardText = shard;
        }
        long budget = range[1] - range[0] + 1;
        if (schedules != null) budget = Math.min(budget, Inputs.nonNegative(schedules, "--schedules"));
        var progress = new ProgressBar(spec.commandLine().getErr() == null ? System.err : System.err, "exploring", json);
        var b = new Explorer.Budget(range[0], budget, stopAtFirst, 3).withClasses(Classifier.CLASS_OF).withRecheck(recheckRatio);
        Exploration e;
        try {
            e = part != null ? offloadsim.scenarios.explore.SplitSearch.part(s.program(v), s.runOptions(), spec0, part[0], part[1], b, progress)
                    : jobs != null ? offloadsim.scenarios.explore.SplitSearch.all(s.program(v), s.runOptions(), spec0, jobs, b)
                    : Explorer.explore(s.program(v), spec0.create(), b, s.runOptions(), progress);
        } catch (NondeterminismException nd) {
            spec.commandLine().getErr().println("offload-sim: " + nd.getMessage());
            spec.commandLine().getErr().print(nd.traces());
            spec.commandLine().getErr().flush();
            return 1;
        }
        if (jobs != null) shardText = "all prefixes, " + jobs + " threads";
        String reduction = null;
        if (spec0.systematic() && part == null && jobs == null && (spec0.por() || spec0.name().equals("dpor")) && !noReductionFactor) reduction = reductionFactor(s, v, spec0, e, budget);
        var fps = Classifier.fingerprints(s, v, e, shrinkAttempts);
        ExplorationJson result = LedgerCheck.attribute(ExplorationJson.of(scenario.replayTarget(s), v.id(), range[0], shardText, e, fps)
                .withCoverage(CoverageJson.of(ScenarioPoints.figures(s, v, e.coverage()))), Ledger.load());
        String text = Json.write(result);
        if (out != null) AtomicFiles.write(out, text);
        ci.write(JunitXml.ofExploration(result), StepSummary.ofExploration(result));
        var w = spec.commandLine().getOut();
        if (json) {
            spec.commandLine().getErr().println(LedgerCheck.firstLine(result));
            w.print(text);
        } else {
            w.println(LedgerCheck.firstLine(result));
            w.printf("%s on %s, %s, seeds %d..%d%s%n", s.name(), v.id(), e.strategyDescription(), range[0], range[0] + e.executions() - 1, shardText == null ? "" : " (shard " + shardText + ")");
            w.printf("executions %d%s%s, %d distinct interleavings, %d Mazurkiewicz traces, %d distinct final states, %.0f executions/s%n", e.executions(),
                    e.complete() ? " (complete)" : "", e.pruned() > 0 ? " (" + e.pruned() + " pruned as equivalent)" : "",
                    e.distinctInterleavings(), e.distinctTraces(), e.distinctFinalStates(), e.executionsPerSecond());
            if (reduction != null) w.println(reduction);
            w.println(CoverageText.line(result.coverage()));
            if (coverage) CoverageText.details(w, result.coverage(), "  ");
            if (e.failures() == 0) {
                w.println("no violation");
            } else {
                w.printf("%d failing executions %s; first at execution %d%n", e.failures(), e.failuresByOracle(), e.firstFailureAt());
                FindingsText.classes(w, result);
                for (ExplorationJson.ViolationJson f : result.violations()) {
                    w.println("  [" + LedgerCheck.label(f) + "] seed " + f.seed() + ": " + f.kind() + " " + f.oracle() + ": " + f.message() + " (fingerprint " + f.fingerprint() + ")");
                    w.println("    replay: " + f.replay());
                }
                FindingsText.firstStory(w, scenario.replayTarget(s), scenario.file != null, v, fps);
            }
        }
        w.flush();
        return LedgerCheck.fails(result, mode) ? 1 : 0;
    }

    /**
     * The same search without reduction, for the reduction factor. It is capped at 20 times the reduced
     * search's executions (at least 10 000), since the unreduced space is often far larger; a capped run
     * gives a lower bound.
     */
    private static String reductionFactor(Scenario s, Variant v, offloadsim.scenarios.explore.StrategySpec spec0, Exploration reduced, long budget) {
        if (!reduced.complete()) return "reduction factor: not measured (the reduced search did not complete)";
        long cap = Math.min(budget, Math.max(10_000, 20 * reduced.executions()));
        var full = offloadsim.scenarios.explore.StrategySpec.of("exhaustive", spec0.depth(), spec0.preemptions(), false);
        Exploration f = Explorer.explore(s.program(v), full.create(), new Explorer.Budget(1, cap, false, 1), s.runOptions(), Explorer.Progress.NONE);
        double factor = (double) f.executions() / reduced.executions();
        return f.complete()
                ? String.format("reduction factor %.1fx: the same search without reduction takes %d executions (%d Mazurkiewicz traces)", factor, f.executions(), f.distinctTraces())
                : String.format("reduction factor > %.0fx: the same search without reduction had not finished after %d executions", factor, f.executions());
    }
}
