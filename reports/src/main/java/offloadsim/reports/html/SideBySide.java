package offloadsim.reports.html;

import java.util.ArrayList;
import java.util.List;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.sim.trace.Schedule;

/**
 * One failing schedule replayed on every design: what the fix (or any candidate) does with the same
 * interleaving. A schedule found on one variant may not fit another exactly (a yield point the other
 * design lacks); the replay then continues with the default decision, and the row says it diverged.
 */
public final class SideBySide {
    private SideBySide() {}

    public record Row(String variant, String outcome, boolean failed, boolean exact, List<String> answers, List<String> finalState) {}

    public static List<Row> of(Scenario s, Schedule schedule) {
        List<Row> rows = new ArrayList<>();
        for (Variant v : Variant.values()) {
            Steps.Run r = Steps.capture(s.program(v), schedule, s.runOptions());
            Steps.Step last = r.steps().getLast();
            boolean exact = r.run().schedule().encode().equals(schedule.encode());
            rows.add(new Row(v.id(), r.run().outcome().summary(), r.run().outcome().isFailure(), exact, last.answers(), last.state()));
        }
        return rows;
    }
}
