package offloadsim.reports.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import offloadsim.model.Variant;
import offloadsim.reports.html.Segments;
import offloadsim.reports.json.Json;
import offloadsim.reports.json.ShrinkJson;
import offloadsim.reports.AtomicFiles;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.catalog.ChaosScenario;
import offloadsim.scenarios.shrink.ProgramShrinker;
import offloadsim.scenarios.shrink.ScenarioWriter;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.explore.Shrinker;
import offloadsim.sim.trace.Schedule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "shrink", description = "Shrink a failing run (seed or schedule): first its program (whole tasks, operations, timelines of a scenario file or an archival-chaos mix), then its schedule, keeping the same oracle; print its story. Exit 1 (it fails).")
final class ShrinkCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    ScenarioOptions scenario = new ScenarioOptions();

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ReplayCli.Source source;

    @Option(names = "--save-scenario", paramLabel = "FILE", description = "Write the shrunk program as a scenario file: its pinned schedule, and the answers it observed as expectations")
    Path saveScenario;

    @Option(names = "--schedule-only", description = "Keep the program; shrink only the schedule")
    boolean scheduleOnly;

    /** Random walks tried per candidate program when the current schedule no longer fails it. */
    private static final int RUNS_PER_CANDIDATE = 200;

    @Option(names = "--attempts", defaultValue = "5000", description = "At most this many replays (default ${DEFAULT-VALUE})")
    long attempts;

    @Option(names = "--json", description = "Print the result as JSON (schema offload-sim/v1)")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Scenario s = scenario.load();
        Variant v = scenario.variant();
        Inputs.nonNegative(attempts, "--attempts");
        RunResult first = ReplayCli.Source.run(source, s, v);
        if (!first.outcome().isFailure()) throw new IllegalArgumentException("the run does not fail: " + first.outcome().summary());
        int budget = (int) Math.min(Integer.MAX_VALUE, attempts);
        StaticScenario program = null;
        Schedule start = first.schedule();
        if (s instanceof StaticScenario st) {
            program = st;
        } else if (s instanceof ChaosScenario) {
            ProgramShrinker.Converted c = ProgramShrinker.fromChaos(start, s.name() + "-shrunk");
            program = c.scenario();
            start = c.schedule();
        }
        if (saveScenario != null && program == null) throw new IllegalArgumentException("--save-scenario: " + s.name() + " is not a scenario file or a chaos mix");
        Shrinker.Result r;
        String programLine = null;
        if (program != null && !scheduleOnly) {
            ProgramShrinker.Result pr = ProgramShrinker.shrink(program, v, start, RUNS_PER_CANDIDATE, budget);
            r = new Shrinker.Result(first, pr.schedule().shrunk(), pr.schedule().attempts() + (int) Math.min(Integer.MAX_VALUE, pr.programRuns()));
            programLine = "program shrunk from " + ProgramShrinker.size(program) + " to " + ProgramShrinker.size(pr.shrunk()) + " (" + pr.programAttempts() + " candidate programs)";
            program = pr.shrunk();
        } else {
            r = Shrinker.shrink(s.program(v), first.schedule(), s.runOptions(), budget);
            if (program != null && s instanceof StaticScenario st)
                program = new StaticScenario(st.name(), st.description(), st.world(), st.tasks(), st.failpoints(), st.oracles(), st.runOptions(), st.expectFinal(), r.shrunk().schedule());
        }
        List<String> story = Segments.story(Segments.of(r.shrunk().trace()));
        String target = scenario.replayTarget(s);
        boolean programChanged = programLine != null;
        String replay = !programChanged ? scenario.replayCommand(s, r.shrunk().schedule())
                : saveScenario != null ? "./offload-sim replay --file " + saveScenario + " --variant " + v.id() + " --trace"
                : "(the shrunk program is a new scenario: write it with --save-scenario FILE, then ./offload-sim replay --file FILE --variant " + v.id() + ")";
        if (saveScenario != null) {
            String header = "shrunk by offload-sim shrink from " + target + " on " + v.id() + ": " + r.shrunk().outcome().summary()
                    + "\nreplay: ./offload-sim replay --file " + saveScenario + " --variant " + v.id() + " --trace";
            AtomicFiles.write(saveScenario, ScenarioWriter.toYaml(program, header));
        }
        var w = spec.commandLine().getOut();
        if (json) {
            w.print(Json.write(ShrinkJson.of(target, v.id(), r, story, replay)));
        } else {
            w.printf("%s on %s: %s%n", s.name(), v.id(), r.shrunk().outcome().summary());
            if (programLine != null) w.println(programLine);
            w.printf("shrunk from %d steps, %d preemptions, %d decisions to %d steps, %d preemptions, %d decisions in %d replays%n",
                    r.original().steps(), r.original().preemptions(), r.original().schedule().decisions().size(),
                    r.shrunk().steps(), r.shrunk().preemptions(), r.shrunk().schedule().decisions().size(), r.attempts());
            w.println();
            for (String l : story) w.println("  " + l);
            w.println();
            w.println("schedule " + r.shrunk().schedule().encode());
            w.println("replay: " + replay);
            if (saveScenario != null) w.println("saved " + saveScenario);
        }
        w.flush();
        return 1;
    }
}
