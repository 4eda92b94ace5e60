package offloadsim.scenarios.verdict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.explore.InOrder;
import offloadsim.scenarios.explore.StrategySpec;
import offloadsim.scenarios.points.ScenarioPoints;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;

/**
 * The verdict matrix: every variant × scenario explored with one strategy and budget, compared with the
 * expected-verdict table. A cell expected to show a bug is sampled and stops at the first failing execution
 * (so the matrix reports schedules-to-first-bug). Every other cell is first searched exhaustively: optimal
 * DPOR with no preemption bound (one execution per Mazurkiewicz trace when nothing fails), so that "clean"
 * means "every interleaving explored" where the space fits the completeness budget; only a cell whose
 * search stopped at that budget is then sampled with the whole execution budget.
 */
public final class Matrix {

    /** The completeness pass's search. */
    public static final StrategySpec COMPLETENESS = StrategySpec.of("dpor", 1, -1, true);

    /**
     * @param strategy   strategy for every cell
     * @param firstSeed  seed of every cell's first execution
     * @param executions execution budget per cell
     * @param completenessBudget executions of the completeness pass (0 skips it)
     */
    public record Plan(StrategySpec strategy, long firstSeed, long executions, long completenessBudget) {
        /**
         * Enough for every clean catalog cell: the largest, archive-parent-during-unoffload on the unoffload
         * candidates, takes 51 245 runs (the next, attach-then-unarchive on those candidates, 10 612). A cell the
         * pass completes skips the 50 000-run sample, so a budget that lets it finish costs about what the
         * 20 000 runs it had, and the sample after them, did.
         */
        public static final long DEFAULT_COMPLETENESS_BUDGET = 60_000;

        public Plan {
            if (executions < 0) throw new IllegalArgumentException("execution budget must not be negative: " + executions);
            if (completenessBudget < 0) throw new IllegalArgumentException("completeness budget must not be negative: " + completenessBudget);
        }

        public Plan(StrategySpec strategy, long firstSeed, long executions) {
            this(strategy, firstSeed, executions, DEFAULT_COMPLETENESS_BUDGET);
        }

        /** The main job's default: about a minute on 2 cores for the whole matrix. */
        public static Plan defaults() {
            return new Plan(StrategySpec.random(), 1, 50_000);
        }
    }

    /** Receives each finished cell (for progress output). */
    @FunctionalInterface
    public interface Listener {
        void cellDone(int index, int total, CellResult cell);
    }

    private Matrix() {}

    public static List<CellResult> run(Plan plan, List<Scenario> scenarios, List<Variant> variants, Listener listener) {
        return run(plan, scenarios, variants, 1, listener);
    }

    /**
     * Cells run on {@code jobs} threads; each cell is its own exploration (its own scheduler and seeds), so
     * the results, returned and reported in table order, do not depend on {@code jobs}.
     */
    public static List<CellResult> run(Plan plan, List<Scenario> scenarios, List<Variant> variants, int jobs, Listener listener) {
        ExpectedVerdicts expected = ExpectedVerdicts.load();
        List<Callable<CellResult>> work = new ArrayList<>();
        for (Scenario s : scenarios)
            for (Variant v : variants)
                work.add(() -> runCell(s, v, plan, expected.expectation(s.name(), v), Explorer.Progress.NONE));
        int[] index = {0};
        return InOrder.run(jobs, "matrix-cell", work, cell -> listener.cellDone(++index[0], work.size(), cell));
    }

    public static List<CellResult> runAll(Plan plan, Listener listener) {
        return run(plan, ScenarioCatalog.all(), Variant.values(), listener);
    }

    public static List<CellResult> runAll(Plan plan, int jobs, Listener listener) {
        return run(plan, ScenarioCatalog.all(), Variant.values(), jobs, listener);
    }

    public static CellResult runCell(Scenario s, Variant v, Plan plan, Expectation expectation, Explorer.Progress progress) {
        boolean stopAtFirst = expectation.verdict() == Expectation.Verdict.BUG;
        boolean exhaustivePass = plan.completenessBudget() > 0 && !plan.strategy().systematic();
        Exploration complete = null;
        if (exhaustivePass && !stopAtFirst) {
            // a cell expected clean (or not yet judged) is searched exhaustively first: when that search
            // completes, every interleaving and every draw was run, so a sample could only repeat some of them
            complete = completenessPass(s, v, plan, progress);
            if (complete.complete())
                return new CellResult(s.name(), v, plan.strategy(), expectation, skippedSample(plan), complete,
                        ScenarioPoints.figures(s, v, Arrays.asList(complete)));
        }
        // a bug cell stops at the expected oracle's first failure; another oracle met first (an exhaustive
        // search meets them in a different order than the random walk the table was set with) is counted on the way
        Exploration e = Explorer.explore(s.program(v), plan.strategy().create(),
                new Explorer.Budget(plan.firstSeed(), plan.executions(), stopAtFirst, 1, stopAtFirst ? expectation.oracle() : null), s.runOptions(), progress);
        if (complete == null && e.failures() == 0 && exhaustivePass) complete = completenessPass(s, v, plan, progress);
        return new CellResult(s.name(), v, plan.strategy(), expectation, e, complete, ScenarioPoints.figures(s, v, Arrays.asList(e, complete)));
    }

    private static Exploration completenessPass(Scenario s, Variant v, Plan plan, Explorer.Progress progress) {
        return Explorer.explore(s.program(v), COMPLETENESS.create(),
                new Explorer.Budget(1, plan.completenessBudget(), true, 1), s.runOptions(), progress);
    }

    /** The sample a cell did not need: no executions, nothing found. */
    private static Exploration skippedSample(Plan plan) {
        StrategySpec spec = plan.strategy();
        return new Exploration(spec.name(), spec.name() + " (skipped: the exhaustive pass completed)", 0, false, 0, 0, 0, 0, 0, 0, -1,
                Map.of(), List.of(), 0);
    }
}
