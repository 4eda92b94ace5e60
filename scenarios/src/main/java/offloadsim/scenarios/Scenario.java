package offloadsim.scenarios;

import java.util.Set;
import offloadsim.model.Variant;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;

/**
 * A named situation to explore: an initial world, concurrent operations, optional pause points and the
 * oracles that judge it. The same scenario runs against every variant of the model.
 */
public interface Scenario {

    /** Stable name used on the command line, in the verdict table and in reports. */
    String name();

    /** One or two sentences: what overlaps with what, and which upstream issue it stands for. */
    String description();

    /** The program to explore on one variant (builds a fresh world per execution). */
    Program program(Variant variant);

    /** Oracle names that judge this scenario (see OracleNames); empty means all. */
    Set<String> oracles();

    /** Step budget and scheduling mode of each run. */
    RunOptions runOptions();
}
