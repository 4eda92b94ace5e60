package offloadsim.reports.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import offloadsim.model.Variant;
import offloadsim.reports.AtomicFiles;
import offloadsim.reports.json.ExplorationJson;
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

    @Option(names = "--shard", description = "i/n: explore only the i-th of n contiguous, disjoint slices of the seed range")
    String shard;

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

    @Override
    public Integer call() throws Exception {
        Scenario s = scenario.load();
        Variant v = scenario.variant();
        var spec0 = strategy.spec();
        // exhaustive search ignores seeds: its budget is --schedules alone (default a million)
        long defaultLast = spec0.name().equals("exhaustive") ? (schedules != null ? Math.max(1, schedules) : 1_000_000) : 1000;
        long[] range = seeds == null ? new long[] {1, defaultLast} : Inputs.seeds(seeds);
        String shardText = null;
        if (shard != null) {
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
        Exploration e = Explorer.explore(s.program(v), spec0.create(), new Explorer.Budget(range[0], budget, stopAtFirst, 3), s.runOptions(), progress);
        String reduction = null;
        if (spec0.name().equals("exhaustive") && spec0.por() && !noReductionFactor) reduction = reductionFactor(s, v, spec0, e, budget);
        ExplorationJson result = ExplorationJson.of(scenario.replayTarget(s), v.id(), range[0], shardText, e);
        String text = Json.write(result);
        if (out != null) AtomicFiles.write(out, text);
        ci.write(JunitXml.ofExploration(result), StepSummary.ofExploration(result));
        var w = spec.commandLine().getOut();
        if (json) {
            w.print(text);
        } else {
            w.printf("%s on %s, %s, seeds %d..%d%s%n", s.name(), v.id(), e.strategyDescription(), range[0], range[0] + e.executions() - 1, shardText == null ? "" : " (shard " + shardText + ")");
            w.printf("executions %d%s%s, %d distinct interleavings, %d Mazurkiewicz traces, %d distinct final states, %.0f executions/s%n", e.executions(),
                    e.complete() ? " (complete)" : "", e.pruned() > 0 ? " (" + e.pruned() + " pruned as equivalent)" : "",
                    e.distinctInterleavings(), e.distinctTraces(), e.distinctFinalStates(), e.executionsPerSecond());
            if (reduction != null) w.println(reduction);
            if (e.failures() == 0) {
                w.println("no violation");
            } else {
                w.printf("%d failing executions %s; first at execution %d%n", e.failures(), e.failuresByOracle(), e.firstFailureAt());
                for (Exploration.Found f : e.found()) {
                    w.println("  seed " + f.seed() + ": " + f.run().outcome().summary());
                    w.println("    replay: " + scenario.replayCommand(s, f.run().schedule()));
                }
            }
        }
        w.flush();
        return e.failures() > 0 ? 1 : 0;
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
