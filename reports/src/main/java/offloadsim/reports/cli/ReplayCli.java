package offloadsim.reports.cli;

import java.util.concurrent.Callable;
import offloadsim.model.Variant;
import offloadsim.reports.html.Segments;
import offloadsim.reports.json.Json;
import offloadsim.reports.json.ReplayJson;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.explore.StrategySpec;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.trace.Schedule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "replay", description = "Re-run one execution byte for byte, from a seed or a schedule string; exit 1 if it fails.")
final class ReplayCli implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    static final class Source {
        @Option(names = "--seed", description = "Re-run the random strategy with this seed")
        Long seed;

        @Option(names = "--schedule", description = "Replay this schedule string (v1:...)")
        String schedule;

        /** The run the user named, at full trace level: the schedule replayed, or the random strategy's seed re-run. */
        RunResult run(Scenario s, Variant v) {
            if (schedule != null) return Explorer.replay(s.program(v), Schedule.parse(schedule), s.runOptions());
            return Explorer.runSeed(s.program(v), StrategySpec.random().create(), Inputs.nonNegative(seed, "--seed"), s.runOptions());
        }

        /** As {@link #run}, or, with neither --seed nor --schedule, the schedule the scenario file pins (a saved failure). */
        static RunResult run(Source source, Scenario s, Variant v) {
            if (source != null) return source.run(s, v);
            if (s instanceof StaticScenario st && st.pinned() != null) return Explorer.replay(s.program(v), st.pinned(), s.runOptions());
            throw new IllegalArgumentException("give --seed N or --schedule S (" + s.name() + " pins no schedule)");
        }
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source;

    @Option(names = "--trace", description = "Print every step (task, Rust await/pause label) with locks and state changes, then the story")
    boolean trace;

    @Option(names = "--json", description = "Print the run as JSON (schema offload-sim/v1): outcome, steps, preemptions, trace hash, schedule, story")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Scenario s = scenario.load();
        Variant v = scenario.variant();
        RunResult r = Source.run(source, s, v);
        var w = spec.commandLine().getOut();
        if (json) {
            String target = scenario.replayTarget(s);
            String replay = scenario.replayCommand(s, r.schedule());
            w.print(Json.write(ReplayJson.of(target, v.id(), r, Segments.story(Segments.of(r.trace())), replay)));
            w.flush();
            return r.outcome().isFailure() ? 1 : 0;
        }
        if (trace) {
            w.print(r.trace().text());
            w.println();
            w.println("story:");
            for (String l : Segments.story(Segments.of(r.trace()), label -> offloadsim.model.RustSource.cite(v.rustCommit(), label))) w.println("  " + l);
            w.println();
        }
        w.println(r.outcome().summary());
        w.println("steps " + r.steps() + ", preemptions " + r.preemptions() + ", trace hash " + r.trace().hash());
        w.println("schedule " + r.schedule().encode());
        w.flush();
        return r.outcome().isFailure() ? 1 : 0;
    }
}
