package offloadsim.scenarios.explore;

import offloadsim.sim.trace.Schedule;

/** The exact command line that replays a run, printed with every failure. */
public final class ReplayCommand {
    private ReplayCommand() {}

    public static String of(String scenario, String variant, Schedule schedule) {
        return "./offload-sim replay --scenario " + scenario + " --variant " + variant + " --schedule '" + schedule.encode() + "' --trace";
    }

    public static String forFile(String file, String variant, Schedule schedule) {
        return "./offload-sim replay --file " + file + " --variant " + variant + " --schedule '" + schedule.encode() + "' --trace";
    }
}
