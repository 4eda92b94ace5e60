package offloadsim.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import offloadsim.model.Pageserver;
import offloadsim.model.Variant;
import offloadsim.model.spec.WorldSpec;
import offloadsim.scenarios.ops.Op;
import offloadsim.sim.api.Failpoints;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;

/**
 * A scenario given as data: world, tasks, failpoint modes, oracles. The catalog's fixed scenarios and
 * scenario files are both this.
 */
public record StaticScenario(String name, String description, WorldSpec world, List<TaskSpec> tasks,
                             Map<String, Failpoints.Mode> failpoints, Set<String> oracles, RunOptions runOptions)
        implements Scenario {

    public StaticScenario {
        tasks = List.copyOf(tasks);
        failpoints = new LinkedHashMap<>(failpoints);
        // insertion order, never Set.copyOf: its iteration order changes from one JVM to the next
        oracles = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(oracles));
        if (tasks.isEmpty()) throw new IllegalArgumentException("scenario " + name + " has no tasks");
    }

    @Override
    public Map<String, Failpoints.Mode> failpoints() {
        return new LinkedHashMap<>(failpoints);
    }

    @Override
    public Program program(Variant variant) {
        return sim -> {
            failpoints.forEach((fp, mode) -> sim.failpoints().configure(fp, mode));
            Pageserver ps = Pageserver.start(sim, variant, world);
            for (TaskSpec t : tasks) {
                sim.spawn(t.name(), () -> {
                    for (Op op : t.ops()) op.run(ps, sim);
                });
            }
            return ps.oracles(oracles);
        };
    }
}
