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
    /** Thread counts up to this one split a search into the same prefixes. */
    static final int SAME_PREFIXES_UP_TO = 4;

    private SplitSearch() {}

    /** Part {@code index} of {@code parts}, with at most {@code budget} executions. */
    public static Exploration part(Program program, RunOptions options, StrategySpec spec, int index, int parts, Explorer.Budget budget, Explorer.Progress progress) {
        Partition.Prefixes prefixes = Partition.prefixes(program, options, parts, spec.splitsWithSleepSets());
        return Explorer.explore(program, spec.createPart(prefixes, index, parts), budget, options, progress);
    }

    /**
     * The whole search on {@code jobs} threads, as one result that does not depend on {@code jobs}'s
     * scheduling: every decision prefix is its own search, handed to whichever thread is free (prefix
     * subtrees differ in size by orders of magnitude, so dealing them out in fixed shares leaves a thread
     * idle), and the results are taken in prefix order as one sequential search over the prefixes would
     * take them: {@code budget} is the total, the search stops after the prefix that used it up or (with
     * {@code stopAtFirst}) that failed, and a prefix the total cut short is searched again up to what was
     * left of it.
     */
    public static Exploration all(Program program, RunOptions options, StrategySpec spec, int jobs, Explorer.Budget budget) {
        long start = System.nanoTime(); // determinism-ok: wall time is reported only
        // the same prefixes for every thread count up to SAME_PREFIXES_UP_TO, so the answer does not depend on it
        Partition.Prefixes prefixes = Partition.prefixes(program, options, Math.max(jobs, SAME_PREFIXES_UP_TO), spec.splitsWithSleepSets());
        int n = prefixes.prefixes().size();
        List<Callable<Searched>> work = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            work.add(() -> search(program, options, spec, prefixes, index, budget));
        }
        List<Searched> searched = InOrder.run(jobs, "split-search", work, e -> {});
        List<Exploration> taken = new ArrayList<>();
        Explorer.Distinct seen = new Explorer.Distinct();
        long used = 0;
        boolean whole = true;
        for (int i = 0; i < n; i++) {
            Searched s = searched.get(i);
            searched.set(i, null); // what it saw is in the union below: let it go
            long left = budget.maxExecutions() - used;
            if (s.found().executions() > left) { // the total ran out inside this prefix: search it again, capped
                s = search(program, options, spec, prefixes, i, budget.withMaxExecutions(left));
            }
            Exploration e = s.found();
            seen.addAll(s.seen());
            taken.add(e);
            used += e.executions();
            boolean last = i == n - 1;
            if (!e.complete() || (!last && used >= budget.maxExecutions())) {
                whole = last && e.complete();
                break;
            }
        }
        // distinct traces and final states as sets over the parts: two parts may reach the same final state
        Exploration combined = Exploration.combine(taken, System.nanoTime() - start).withDistinct(seen); // determinism-ok
        String description = taken.getFirst().strategyDescription().replaceFirst(" shard 0/\\d+.*$", "") + " split into " + n + " prefix searches of "
                + prefixes.depth() + " picks on " + jobs + " threads" + (taken.size() < n ? ", stopped in prefix " + taken.size() + " of " + n : "");
        return combined.withDescription(description, whole && combined.complete());
    }

    private record Searched(Exploration found, Explorer.Distinct seen) {}

    private static Searched search(Program program, RunOptions options, StrategySpec spec, Partition.Prefixes prefixes, int index, Explorer.Budget budget) {
        Explorer.Distinct seen = new Explorer.Distinct();
        int n = prefixes.prefixes().size();
        return new Searched(Explorer.explore(program, spec.createPart(prefixes, index, n), budget, options, Explorer.Progress.NONE, seen), seen);
    }
}
