package offloadsim.reports.json;

import java.util.List;
import offloadsim.sim.explore.RunResult;

/** The JSON form of one replayed run (schema "offload-sim/v1"): its outcome, size, replay identity and story. */
public record ReplayJson(String schema, String scenario, String variant, String kind, String oracle, String message, String task, String label,
                         int step, int steps, int preemptions, String traceHash, String schedule, List<String> story, String replay) {

    public static ReplayJson of(String scenario, String variant, RunResult r, List<String> story, String replay) {
        var o = r.outcome();
        return new ReplayJson(ExplorationJson.SCHEMA, scenario, variant, o.kind().name(), o.oracle(), o.message(), o.task(), o.label(), o.step(),
                r.steps(), r.preemptions(), r.trace().hash(), r.schedule().encode(), story, replay);
    }
}
