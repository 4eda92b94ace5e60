package offloadsim.scenarios.points;

import java.util.List;
import offloadsim.model.Variant;
import offloadsim.model.points.PointFigures;
import offloadsim.model.points.PointRegistry;
import offloadsim.scenarios.Scenario;
import offloadsim.sim.coverage.Coverage;
import offloadsim.sim.explore.Exploration;

/**
 * Coverage figures of a scenario's explorations in the model's declared points. The harness's own tasks (the
 * scenario's ops waiting for each other, the client's retries, the cross-checks' stand-in) suspend at labels
 * of their own, declared in {@link #HARNESS_RESOURCE} the same way the model's are, and left out of the figures.
 */
public final class ScenarioPoints {

    /** The harness's registry (generated from scenarios' source and checked by DeclaredPointsTest, like the model's). */
    public static final String HARNESS_RESOURCE = "/offloadsim/harness-points.tsv";

    private static PointRegistry harness;

    private ScenarioPoints() {}

    public static synchronized PointRegistry harness() {
        if (harness == null) harness = PointRegistry.load(HARNESS_RESOURCE);
        return harness;
    }

    public static PointFigures figures(Scenario s, Variant v, Coverage coverage) {
        return PointFigures.of(coverage, PointRegistry.model(), harness(), v, s.runOptions().preemptive());
    }

    /** The figures of several explorations of one cell together (a sample and its completeness pass). */
    public static PointFigures figures(Scenario s, Variant v, List<Exploration> explorations) {
        Coverage c = Coverage.EMPTY;
        for (Exploration e : explorations) if (e != null) c = c.union(e.coverage());
        return figures(s, v, c);
    }
}
