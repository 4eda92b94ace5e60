package offloadsim.scenarios.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.Partition;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;

/**
 * A systematic search split by decision prefixes ({@link Partition}): one part (a shard of a CI matrix or
 * an Indexed Job), or all parts on local cores. Each part is an ordinary single-threaded exploration; the
 * runtime runs each execution on its own thread's continuations, so parts share nothing but the program's
 * immutable description.
 */
public final class SplitSearch {
    private SplitSearch() {}

    /** Part {@code index} of {@code parts}, with at most {@code budget} executions. */
    public static Exploration part(Program program, RunOptions options, StrategySpec spec, int index, int parts, Explorer.Budget budget, Explorer.Progress progress) {
        Partition.Prefixes prefixes = Partition.prefixes(program, options, parts);
        return Explorer.explore(program, spec.createPart(prefixes, index, parts), budget, options, progress);
    }

    /** All {@code jobs} parts at once on a thread each, combined; {@code budget} is per part. */
    public static Exploration all(Program program, RunOptions options, StrategySpec spec, int jobs, Explorer.Budget budget) {
        long start = System.nanoTime(); // determinism-ok: wall time is reported only
        Partition.Prefixes prefixes = Partition.prefixes(program, options, jobs);
        List<Callable<Exploration>> work = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            int index = i;
            work.add(() -> Explorer.explore(program, spec.createPart(prefixes, index, jobs), budget, options, Explorer.Progress.NONE));
        }
        List<Exploration> done = InOrder.run(jobs, "split-search", work, e -> {});
        return Exploration.combine(done, System.nanoTime() - start); // determinism-ok
    }
}
