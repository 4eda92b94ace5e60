package offloadsim.reports.cli;

import offloadsim.scenarios.explore.StrategySpec;
import picocli.CommandLine.Option;

/** --strategy and its parameters, shared by explore and matrix. */
final class StrategyOptions {
    @Option(names = "--strategy", defaultValue = "random", description = "Exploration strategy: ${COMPLETION-CANDIDATES}")
    String name;

    @Option(names = "--depth", defaultValue = "3", description = "PCT bug depth (default ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--preemptions", defaultValue = "2", description = "Exhaustive search and dpor: preemption bound, -1 for none (default ${DEFAULT-VALUE}); dpor under a bound is complete only if the bound cut nothing")
    int preemptions;

    @Option(names = "--no-por", description = "Exhaustive search without partial-order reduction")
    boolean noPor;

    StrategySpec spec() {
        return StrategySpec.of(name, depth, preemptions, !noPor);
    }
}
