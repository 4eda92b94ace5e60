package offloadsim.scenarios.verdict;

import java.util.Map;
import offloadsim.model.Variant;
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
 */
public record CellResult(String scenario, Variant variant, StrategySpec strategy, Expectation expected, Exploration exploration) {

    /** bug (oracles that fired) or clean. */
    public String foundLabel() {
        Map<String, Integer> by = exploration.failuresByOracle();
        return by.isEmpty() ? "clean" : "bug (" + String.join(", ", by.keySet()) + ")";
    }

    public boolean foundBug() {
        return exploration.failures() > 0;
    }

    /** Whether the finding agrees with the expectation (always true for unknown cells). */
    public boolean matches() {
        return switch (expected.verdict()) {
            case BUG -> exploration.failuresByOracle().containsKey(expected.oracle());
            case CLEAN -> exploration.failures() == 0;
            case UNKNOWN -> true;
        };
    }
}
