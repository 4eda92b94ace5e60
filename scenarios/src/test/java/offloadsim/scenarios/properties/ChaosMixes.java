package offloadsim.scenarios.properties;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import offloadsim.model.Variant;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.catalog.ChaosMix;
import offloadsim.sim.api.Failpoints;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.strategy.RandomWalk;

/**
 * jqwik generators for chaos mixes. A mix is built from a list of small integers (a choice sequence):
 * jqwik shrinks the list toward shorter lists of smaller numbers, which {@link ChaosMix#generate} turns
 * into fewer timelines, fewer actors and fewer, simpler operations.
 */
final class ChaosMixes {
    private ChaosMixes() {}

    static Arbitrary<ChaosMix> mixes() {
        return Arbitraries.integers().between(0, 1000).list().ofMinSize(0).ofMaxSize(60).map(ChaosMixes::fromDraws);
    }

    static ChaosMix fromDraws(List<Integer> draws) {
        int[] cursor = {0};
        return ChaosMix.generate(n -> cursor[0] < draws.size() ? draws.get(cursor[0]++) % n : 0);
    }

    /** Explores {@code seeds} schedules of the mix on {@code variant}, judged by {@code oracles}. */
    static Exploration explore(ChaosMix mix, Variant variant, Set<String> oracles, int seeds) {
        StaticScenario s = new StaticScenario("chaos-sample", "", mix.world(), mix.tasks(), java.util.Map.<String, Failpoints.Mode>of(), oracles, RunOptions.defaults());
        return Explorer.explore(s.program(variant), new RandomWalk(), new Explorer.Budget(1, seeds, true, 1), s.runOptions(), Explorer.Progress.NONE);
    }
}
