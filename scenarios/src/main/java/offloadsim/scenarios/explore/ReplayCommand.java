package offloadsim.scenarios.explore;

import offloadsim.sim.trace.Schedule;

/** The exact command line that replays a run, printed with every failure. */
public final class ReplayCommand {
    private ReplayCommand() {}

    public static String of(String scenario, String variant, Schedule schedule) {
        return "./offload-sim replay --scenario " + scenario + " --variant " + variant + " --schedule '" + schedule.encode() + "' --trace";
    }

    /** For a catalog scenario's name, or a scenario file's path when {@code fromFile}. */
    public static String of(String target, boolean fromFile, String variant, Schedule schedule) {
        return fromFile ? forFile(target, variant, schedule) : of(target, variant, schedule);
    }

    public static String forFile(String file, String variant, Schedule schedule) {
        return "./offload-sim replay --file " + file + " --variant " + variant + " --schedule '" + schedule.encode() + "' --trace";
    }
}
