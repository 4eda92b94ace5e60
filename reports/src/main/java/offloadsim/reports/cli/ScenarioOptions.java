package offloadsim.reports.cli;

import java.nio.file.Path;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.file.ScenarioFileException;
import picocli.CommandLine.Option;

/** --scenario NAME | --file PATH, and --variant. */
final class ScenarioOptions {
    @Option(names = "--scenario", description = "A catalog scenario (see: list)")
    String scenario;

    @Option(names = "--file", description = "A scenario file (YAML or JSON)")
    Path file;

    @Option(names = "--variant", required = true, description = "A design variant (see: list)")
    String variant;

    Scenario load() throws ScenarioFileException {
        return Inputs.scenario(scenario, file);
    }

    Variant variant() {
        return Inputs.variant(variant);
    }

    /** The command that replays {@code schedule} of this scenario and variant. */
    String replayCommand(Scenario s, offloadsim.sim.trace.Schedule schedule) {
        return offloadsim.scenarios.explore.ReplayCommand.of(replayTarget(s), file != null, variant().id(), schedule);
    }

    /** The name used in replay commands: the scenario name, or the file path. */
    String replayTarget(Scenario s) {
        return file != null ? file.toString() : s.name();
    }
}
