package offloadsim.reports.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import offloadsim.model.Variant;
import offloadsim.reports.AtomicFiles;
import offloadsim.reports.findings.LedgerCheck;
import offloadsim.reports.html.Segments;
import offloadsim.reports.json.CoverageJson;
import offloadsim.reports.json.ExplorationJson;
import offloadsim.scenarios.points.ScenarioPoints;
import offloadsim.reports.json.Json;
import offloadsim.reports.term.ProgressBar;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.explore.Sweep;
import offloadsim.scenarios.findings.Classifier;
import offloadsim.scenarios.findings.Fingerprints;
import offloadsim.scenarios.findings.Ledger;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.NondeterminismException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sweep", description = "A long seeded exploration over local cores (--jobs) and machines (--shard i/n, then merge): "
        + "each class of violation with its count, first seed, finding (or NEW) and shrunk story.")
final class SweepCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @Mixin
    StrategyOptions strategy = new StrategyOptions();

    @Option(names = "--seeds", defaultValue = "1..1000000", description = "Seed range A..B, both inclusive (default ${DEFAULT-VALUE})")
    String seeds;

    @Option(names = "--shard", description = "i/n: sweep only the i-th of n contiguous, disjoint slices of the seed range (merge the shards' --out files)")
    String shard;

    @Option(names = "--jobs", defaultValue = "1", description = "Threads, each exploring a contiguous slice; the result does not depend on it (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--fail-on", defaultValue = "any", description = "any | new (see explore; default ${DEFAULT-VALUE})")
    String failOn;

    @Option(names = "--recheck-ratio", defaultValue = "0.01", description = "Share of executions replayed for the determinism self-check (default ${DEFAULT-VALUE})")
    double recheckRatio;

    @Option(names = "--shrink-attempts", defaultValue = "1500", description = "Replays per shrink of each class's first run (default ${DEFAULT-VALUE})")
    int shrinkAttempts;

    @Option(names = "--json", description = "Print the result as JSON (schema offload-sim/v1)")
    boolean json;

    @Option(names = "--out", description = "Also write the JSON result to this file (atomically)")
    Path out;

    @Override
    public Integer call() throws Exception {
        var mode = LedgerCheck.FailOn.parse(failOn);
        Scenario s = scenario.load();
        Variant v = scenario.variant();
        Inputs.nonNegative(shrinkAttempts, "--shrink-attempts");
        long[] range = Inputs.seeds(seeds);
        if (shard != null) range = Inputs.slice(range, Inputs.shard(shard));
        var progress = new ProgressBar(System.err, "sweeping", false);
        Exploration e;
        try {
            e = Sweep.run(s, v, strategy.spec(), range[0], range[1], jobs, recheckRatio, progress);
        } catch (NondeterminismException nd) {
            spec.commandLine().getErr().println("offload-sim: " + nd.getMessage());
            spec.commandLine().getErr().print(nd.traces());
            spec.commandLine().getErr().flush();
            return 1;
        }
        var fps = Classifier.fingerprints(s, v, e, shrinkAttempts);
        ExplorationJson result = LedgerCheck.attribute(ExplorationJson.of(scenario.replayTarget(s), v.id(), range[0], shard, e, fps)
                .withCoverage(CoverageJson.of(ScenarioPoints.figures(s, v, e.coverage()))), Ledger.load());
        String text = Json.write(result);
        if (out != null) AtomicFiles.write(out, text);
        var w = spec.commandLine().getOut();
        if (json) {
            spec.commandLine().getErr().println(LedgerCheck.firstLine(result));
            w.print(text);
        } else {
            w.println(LedgerCheck.firstLine(result));
            w.printf("%s on %s, %s, seeds %d..%d%s, %d jobs: %d executions in %.1f s (%.0f/s), %d rechecked for determinism, %d failing%n", s.name(), v.id(),
                    e.strategyDescription(), range[0], range[1], shard == null ? "" : " (shard " + shard + ")", jobs, e.executions(), e.elapsedNanos() / 1e9,
                    e.executionsPerSecond(), e.rechecked(), e.failures());
            w.println(CoverageText.line(result.coverage()));
            for (ExplorationJson.ClassJson c : result.classes()) {
                w.printf("%n[%s] %d executions, first seed %d, fingerprint %s%n  %s%n", c.finding() == null ? "NEW" : c.finding(), c.count(), c.firstSeed(), c.fingerprint(), c.shape());
                for (var entry : fps.entrySet()) {
                    if (entry.getKey().seed() != c.firstSeed()) continue;
                    Fingerprints.Fingerprinted f = entry.getValue();
                    List<String> story = FindingsText.storyAt(v, f);
                    for (String l : story) w.println("    " + l);
                    w.println("  replay: " + offloadsim.scenarios.explore.ReplayCommand.of(scenario.replayTarget(s), scenario.file != null, v.id(), f.shrunk().schedule()));
                }
            }
            for (String m : result.missingFindings()) w.println("MISSING " + m);
        }
        w.flush();
        return LedgerCheck.fails(result, mode) ? 1 : 0;
    }
}
