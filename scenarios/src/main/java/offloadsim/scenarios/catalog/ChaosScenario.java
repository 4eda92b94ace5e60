package offloadsim.scenarios.catalog;

import java.util.Set;
import offloadsim.model.Pageserver;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.TaskSpec;
import offloadsim.scenarios.ops.Op;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;

/**
 * {@code archival-chaos}: every execution draws its own world and operation mix from the run's seeded
 * draws (recorded in the schedule, so a failing run replays exactly) — the open-ended search for races
 * nobody has named.
 */
public final class ChaosScenario implements Scenario {

    @Override
    public String name() {
        return "archival-chaos";
    }

    @Override
    public String description() {
        return "Several timelines with ancestors; compaction loops, archive, unarchive, branch, delete, tenant "
                + "shutdown and restart mixed at random from the seed (test_timeline_archival_chaos in miniature).";
    }

    @Override
    public Program program(Variant variant) {
        return sim -> {
            ChaosMix mix = ChaosMix.generate(n -> sim.nextInt(n, "chaos/generate"));
            sim.event("scenario", "chaos mix: " + mix.tasks());
            Pageserver ps = Pageserver.start(sim, variant, mix.world());
            for (TaskSpec t : mix.tasks()) {
                sim.spawn(t.name(), () -> {
                    for (Op op : t.ops()) op.run(ps, sim);
                });
            }
            return ps.oracles(Set.of());
        };
    }

    @Override
    public Set<String> oracles() {
        return Set.of();
    }

    @Override
    public RunOptions runOptions() {
        return RunOptions.defaults();
    }
}
