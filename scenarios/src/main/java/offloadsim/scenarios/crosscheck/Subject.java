package offloadsim.scenarios.crosscheck;

import java.util.List;
import offloadsim.model.OpResult;
import offloadsim.model.Pageserver;
import offloadsim.model.Variant;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.model.spec.WorldSpec;
import offloadsim.scenarios.crosscheck.standin.StandInPageserver;
import offloadsim.sim.api.Sim;
import offloadsim.sim.jvm.JvmSim;

/**
 * What the cross-checks run on: the real model ({@code offloadsim.model.Pageserver}) or the stand-in arbiter.
 * Both are started in the world of the {@code unarchive-during-compaction} scenario: {@code main}, and
 * {@code t1} (a child of main) archived, offloading enabled.
 */
public enum Subject {
    MODEL("model"),
    STAND_IN("stand-in");

    /** The world of scenarios/.../unarchive-during-compaction.yaml. */
    public static final WorldSpec WORLD = new WorldSpec(List.of(
            new TimelineSpec("main", null, false, false),
            new TimelineSpec("t1", "main", true, false)), true, 2);

    /** The scenario the simulator column is taken from. */
    public static final String SCENARIO = "unarchive-during-compaction";

    private final String id;

    Subject(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** A fresh tenant of this subject on the given runtime. */
    public TenantApi start(Sim sim, Variant variant) {
        return switch (this) {
            case STAND_IN -> StandInPageserver.start(sim, variant);
            case MODEL -> model(Pageserver.start(sim, variant, WORLD));
        };
    }

    /** Whether this subject can be started here (the model throws UnsupportedOperationException until it lands). */
    public String unavailableReason(Variant variant) {
        try {
            start(new JvmSim(true, 1, false), variant);
            return null;
        } catch (UnsupportedOperationException e) {
            return "model not available in this build: " + e.getMessage();
        }
    }

    /** The model's facade seen as a {@link TenantApi}. */
    public static TenantApi model(Pageserver ps) {
        return new TenantApi() {
            @Override
            public OpResult archive(String t) {
                return ps.archive(t);
            }

            @Override
            public OpResult unarchive(String t) {
                return ps.unarchive(t);
            }

            @Override
            public OpResult compactionIteration() {
                return ps.compactionIteration();
            }

            @Override
            public OpResult getTimeline(String t, boolean activeOnly) {
                return ps.getTimeline(t, activeOnly);
            }
        };
    }
}
