package offloadsim.scenarios.verdict;

import java.util.Map;
import offloadsim.model.Variant;
import offloadsim.model.points.PointFigures;
import offloadsim.scenarios.explore.StrategySpec;
import offloadsim.sim.explore.Exploration;

/**
 * One cell of the verdict matrix: what was expected, what exploration found, and whether they agree.
 *
 * @param scenario    scenario name
 * @param variant     the model variant
 * @param strategy    the strategy used
 * @param expected    the expectation from the table
 * @param exploration the exploration's figures and kept failing runs
 * @param completeness the exhaustive pass (run first on a cell not expected to fail, after a clean sample otherwise), or null
 * @param coverage    what the sample and the completeness pass together covered, in the model's declared points
 */
public record CellResult(String scenario, Variant variant, StrategySpec strategy, Expectation expected, Exploration exploration,
                         Exploration completeness, PointFigures coverage) {

    /** The exploration that decided the cell: the completeness pass if it found a failure, else the sample. */
    public Exploration deciding() {
        return completeness != null && completeness.failures() > 0 ? completeness : exploration;
    }

    /** The sample was not run because the exhaustive pass had already explored every interleaving. */
    public boolean sampleSkipped() {
        return exploration.executions() == 0 && completeness != null && completeness.complete();
    }

    /** Executions of the sample and the completeness pass together. */
    public long executions() {
        return exploration.executions() + (completeness == null ? 0 : completeness.executions());
    }

    /** Wall time of the sample and the completeness pass together. */
    public long elapsedNanos() {
        return exploration.elapsedNanos() + (completeness == null ? 0 : completeness.elapsedNanos());
    }

    /** bug (oracles that fired) or clean. */
    public String foundLabel() {
        Map<String, Integer> by = deciding().failuresByOracle();
        return by.isEmpty() ? "clean" : "bug (" + String.join(", ", by.keySet()) + ")";
    }

    public boolean foundBug() {
        return deciding().failures() > 0;
    }

    /** Every interleaving was explored (the completeness pass finished, or the strategy itself was exhaustive and finished). */
    public boolean complete() {
        return completeness != null ? completeness.complete() : exploration.complete();
    }

    /** "complete", "bounded" (an exhaustive search ran out of budget) or "sampled". */
    public String space() {
        if (complete()) return "complete";
        return completeness != null || strategy.systematic() ? "bounded" : "sampled";
    }

    /** Whether the finding agrees with the expectation (always true for unknown cells). */
    public boolean matches() {
        return switch (expected.verdict()) {
            case BUG -> deciding().failuresByOracle().containsKey(expected.oracle());
            case CLEAN -> !foundBug();
            case UNKNOWN -> true;
        };
    }
}
