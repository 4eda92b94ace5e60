package offloadsim.model;

import java.util.List;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.variants.AltRecheck;
import offloadsim.model.variants.AltState;
import offloadsim.model.variants.Fix10305;
import offloadsim.model.variants.Pre10305;

/**
 * A design of the offload path. The model's code is shared by every design; the places where designs
 * differ are the <em>design points</em> below, and a variant overrides only the points it changes from
 * the design it extends ({@code Fix10305 extends Pre10305}). Adding a design is one class in
 * {@code offloadsim.model.variants} plus one line in {@link #REGISTRY}; the CLI, the matrix and the
 * reports list variants from there.
 */
public abstract class Variant {

    public static final Variant PRE_10305 = new Pre10305();
    public static final Variant FIX_10305 = new Fix10305();
    public static final Variant ALT_RECHECK = new AltRecheck();
    public static final Variant ALT_STATE = new AltState();

    /** Every known design, in the order tables show them. */
    private static final List<Variant> REGISTRY = List.of(PRE_10305, FIX_10305, ALT_RECHECK, ALT_STATE);

    /** The name used on the command line and in reports. */
    public abstract String id();

    /** One line on what this design is. */
    public abstract String summary();

    // ---------------------------------------------------------------- design points

    /**
     * offload.rs offload_timeline: returns null or an OffloadError name. Called by the compaction
     * iteration for a timeline its snapshot found offloadable.
     */
    public abstract String offloadTimeline(Tenant tenant, Timeline timeline);

    /**
     * The compaction iteration's call site, before it calls offload: true to go ahead. The designs of
     * #10305 call straight through; alt-recheck re-evaluates can_offload here.
     */
    public boolean beforeAutoOffload(Tenant tenant, Timeline timeline) {
        return true;
    }

    /**
     * The compaction iteration's call site: whether {@code pausable_failpoint!("before-timeline-auto-offload")}
     * exists there. In a testing build (Neon's CI) that macro always awaits a spawn_blocking, whether or not
     * the failpoint is configured, so it is a yield point. The failpoint itself is checked on every design
     * (a no-op unless a scenario configures it), so scenarios can pause there on any variant.
     */
    public boolean pausableFailpointBeforeAutoOffload() {
        return false;
    }

    /** The compaction iteration's call site, after offload failed: true to swallow the error and go on. */
    public boolean compactionIgnoresOffloadError(String error) {
        return false;
    }

    /**
     * apply_timeline_archival_config, after the timeline was found (and unoffloaded if it had to be):
     * a design-specific refusal (an error name), or null to go on and schedule the index upload.
     */
    public String archivalConfigRefusal(Timeline timeline, boolean archive) {
        return null;
    }

    // ---------------------------------------------------------------- registry

    public static List<Variant> values() {
        return REGISTRY;
    }

    public static List<String> ids() {
        return REGISTRY.stream().map(Variant::id).toList();
    }

    /** Position in {@link #values()}, for stable ordering in tables. */
    public final int ordinal() {
        return REGISTRY.indexOf(this);
    }

    /** Looks a variant up by its name; throws IllegalArgumentException listing the known names. */
    public static Variant byId(String id) {
        for (Variant v : REGISTRY) if (v.id().equals(id)) return v;
        throw new IllegalArgumentException("unknown variant '" + id + "' (known: " + String.join(", ", ids()) + ")");
    }

    @Override
    public String toString() {
        return id();
    }
}
