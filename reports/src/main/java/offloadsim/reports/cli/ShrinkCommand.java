package offloadsim.reports.cli;

import java.util.List;
import java.util.concurrent.Callable;
import offloadsim.model.Variant;
import offloadsim.reports.html.Segments;
import offloadsim.reports.json.Json;
import offloadsim.reports.json.ShrinkJson;
import offloadsim.scenarios.Scenario;
import offloadsim.sim.explore.Shrinker;
import offloadsim.sim.trace.Schedule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "shrink", description = "Shrink a failing run (seed or schedule) to fewer steps and preemptions that fail the same oracle; print its story. Exit 1 (it fails).")
final class ShrinkCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    ReplayCli.Source source;

    @Option(names = "--attempts", defaultValue = "5000", description = "At most this many replays (default ${DEFAULT-VALUE})")
    long attempts;

    @Option(names = "--json", description = "Print the result as JSON (schema offload-sim/v1)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Scenario s = scenario.load();
        Variant v = scenario.variant();
        Inputs.nonNegative(attempts, "--attempts");
        Schedule start = source.run(s, v).schedule();
        Shrinker.Result r = Shrinker.shrink(s.program(v), start, s.runOptions(), (int) Math.min(Integer.MAX_VALUE, attempts));
        List<String> story = Segments.story(Segments.of(r.shrunk().trace()));
        String target = scenario.replayTarget(s);
        String replay = scenario.replayCommand(s, r.shrunk().schedule());
        var w = spec.commandLine().getOut();
        if (json) {
            w.print(Json.write(ShrinkJson.of(target, v.id(), r, story, replay)));
        } else {
            w.printf("%s on %s: %s%n", s.name(), v.id(), r.shrunk().outcome().summary());
            w.printf("shrunk from %d steps, %d preemptions, %d decisions to %d steps, %d preemptions, %d decisions in %d replays%n",
                    r.original().steps(), r.original().preemptions(), r.original().schedule().decisions().size(),
                    r.shrunk().steps(), r.shrunk().preemptions(), r.shrunk().schedule().decisions().size(), r.attempts());
            w.println();
            for (String l : story) w.println("  " + l);
            w.println();
            w.println("schedule " + r.shrunk().schedule().encode());
            w.println("replay: " + replay);
        }
        w.flush();
        return 1;
    }
}
