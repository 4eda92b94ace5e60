package offloadsim.reports.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import offloadsim.scenarios.explore.ReplayCommand;
import offloadsim.sim.explore.Exploration;

/**
 * The stable JSON form of one exploration (schema "offload-sim/v1"): see README "JSON results".
 * Field names never change within a schema version; new fields may be added.
 */
public record ExplorationJson(String schema, String scenario, String variant, String strategy, String strategyDescription,
                              long firstSeed, long lastSeed, String shard, long executions, boolean complete, int failures,
                              long firstFailureAt, int distinctInterleavings, int distinctFinalStates, int distinctTraces, long pruned,
                              long elapsedMillis,
                              Map<String, Integer> failuresByOracle, List<ViolationJson> violations) {

    public static final String SCHEMA = "offload-sim/v1";

    /** One failing run: its oracle and what it saw, the seed and the schedule, and the command that replays it. */
    public record ViolationJson(String oracle, String kind, String message, String task, String label, int step, long seed, String schedule, String replay) {}

    public static ExplorationJson of(String scenario, String variant, long firstSeed, String shard, Exploration e) {
        List<ViolationJson> vs = new ArrayList<>();
        for (Exploration.Found f : e.found()) {
            var o = f.run().outcome();
            vs.add(new ViolationJson(o.oracle(), o.kind().name(), o.message(), o.task(), o.label(), o.step(), f.seed(),
                    f.run().schedule().encode(), ReplayCommand.of(scenario, variant, f.run().schedule())));
        }
        return new ExplorationJson(SCHEMA, scenario, variant, e.strategy(), e.strategyDescription(), firstSeed,
                firstSeed + e.executions() - 1, shard, e.executions(), e.complete(), e.failures(), e.firstFailureAt(),
                e.distinctInterleavings(), e.distinctFinalStates(), e.distinctTraces(), e.pruned(), e.elapsedNanos() / 1_000_000, e.failuresByOracle(), vs);
    }
}
