package offloadsim.reports.json;

import java.util.List;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.explore.Shrinker;

/** The JSON form of a shrink (schema "offload-sim/v1"): the run before and after, the story and the replay command. */
public record ShrinkJson(String schema, String scenario, String variant, String oracle, String message, Run original, Run shrunk,
                         int attempts, List<String> story, String replay) {

    /** A run's size and its schedule. */
    public record Run(int steps, int preemptions, int decisions, String schedule) {
        static Run of(RunResult r) {
            return new Run(r.steps(), r.preemptions(), r.schedule().decisions().size(), r.schedule().encode());
        }
    }

    public static ShrinkJson of(String scenario, String variant, Shrinker.Result r, List<String> story, String replay) {
        return new ShrinkJson(ExplorationJson.SCHEMA, scenario, variant, r.shrunk().outcome().oracle(), r.shrunk().outcome().message(),
                Run.of(r.original()), Run.of(r.shrunk()), r.attempts(), story, replay);
    }
}
