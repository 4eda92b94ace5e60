package offloadsim.model;

import java.util.List;
import java.util.TreeMap;
import offloadsim.model.tenant.CompactionIteration;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.tenant.TenantManifest;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.variants.AltRecheck;
import offloadsim.model.variants.AltState;
import offloadsim.model.variants.Fix10305;
import offloadsim.model.variants.Head;
import offloadsim.model.variants.HeadBothRechecks;
import offloadsim.model.variants.HeadFinishCreationRecheck;
import offloadsim.model.variants.HeadFinishCreationSameChecks;
import offloadsim.model.variants.HeadUnarchiveNoneIsArchived;
import offloadsim.model.variants.HeadUnoffloadRecheck;
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
    public static final Variant HEAD = new Head();

    /** Every known design, in the order tables show them; candidate fixes for HEAD's races follow head. */
    private static final List<Variant> REGISTRY = List.of(PRE_10305, FIX_10305, ALT_RECHECK, ALT_STATE, HEAD,
            new HeadFinishCreationRecheck(),
            new HeadFinishCreationSameChecks(),
            new HeadUnoffloadRecheck(),
            new HeadUnarchiveNoneIsArchived(),
            new HeadBothRechecks());

    /** The Neon commit whose code this design is (or is built on), for citing Rust lines in stories. */
    public abstract String rustCommit();

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

    /**
     * offload_timeline's answer when its delete guard refused (the guard's error name: NotFound,
     * HasChildren, AlreadyInProgress). The designs of #10305 wrap every refusal in Other.
     */
    public String offloadGuardRefused(Tenant tenant, Timeline timeline, String guardError) {
        return "Other(" + guardError + ")";
    }

    /**
     * tenant.rs compaction_iteration as a whole: which timelines it snapshots, what it awaits between the
     * snapshot and the offload, when it offloads; returns null or the CompactionError. The call-site
     * points below ({@link #beforeAutoOffload}, {@link #compactionIgnoresOffloadError}) apply inside it.
     */
    public String compactionIteration(Tenant tenant) {
        return CompactionIteration.run(tenant);
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

    /**
     * The tenant manifest upload that offload, unoffload and deletion end with: null or the
     * TenantManifestError name (Cancelled, RemoteStorage).
     */
    public String uploadTenantManifest(Tenant tenant) {
        return TenantManifest.storeOnce(tenant);
    }

    /**
     * attach, once the maps are populated: what the tenant takes as the last uploaded manifest, given the
     * downloaded one (offloaded id → ancestor id), and the upload that follows; never uploads at set-up.
     * The designs of #10305 start from None and upload only when dangling entries were dropped
     * ({@code needsUpload}). Null or the error that fails the attach.
     */
    public String manifestAfterAttach(Tenant tenant, TreeMap<String, String> downloaded, boolean needsUpload, boolean atSetup) {
        if (atSetup || !needsUpload) return null;
        return uploadTenantManifest(tenant);
    }

    /**
     * unoffload_timeline's load_remote_timeline, between load_layer_map and the insert into timelines
     * (timeline_init_and_sync): what runs there. Nothing in the designs of #10305.
     */
    public void afterUnoffloadLayerMapLoaded(Tenant tenant, Timeline loaded) {}

    /**
     * unoffload_timeline's insert into timelines (timeline_init_and_sync), called holding timelines:
     * a refusal (an error name) to insert the loaded timeline under this ancestor, or null.
     */
    public String unoffloadInsertRefusal(Tenant tenant, Timeline loaded, Timeline ancestor) {
        return null;
    }

    /**
     * check_ancestor_of_to_be_unarchived_is_not_archived, for an ancestor in timelines: whether its
     * is_archived() answer (null = None, the queue is shutting down or stopped) counts as archived.
     */
    public boolean unarchivalCountsAncestorArchived(Boolean ancestorIsArchived) {
        return Boolean.TRUE.equals(ancestorIsArchived);
    }

    /**
     * check_ancestor_of_to_be_unarchived_is_not_archived, for an ancestor in neither map (its offload or
     * deletion is between removing it from timelines and inserting it into timelines_offloaded): true to
     * answer HasArchivedParent. Upstream logs an error and panics in a debug build (NotFound in release).
     */
    public boolean unarchivalCountsMissingAncestorArchived() {
        return false;
    }

    /**
     * DeleteTimelineFlow::schedule_background: whether the deletion task holds a tenant gate guard (#10702,
     * after 6149ac8834), so Tenant::shutdown waits for it; with the gate closed the task is not spawned and
     * the next attach resumes the deletion. Before, a deletion task could outlive the shutdown (#10389-F).
     */
    public boolean deletionTaskHoldsTenantGate() {
        return false;
    }

    /** create_timeline's wait_lsn on the ancestor (an await): null, or the error it ends the creation with. */
    public String branchWaitLsn(Tenant tenant, Timeline ancestor) {
        tenant.sim().yieldPoint("create_timeline/wait_lsn");
        return null;
    }

    /**
     * uninit.rs finish_creation, called holding timelines right before the new branch is inserted: a
     * refusal (an error name) or null. Upstream inserts without looking at the ancestor again.
     */
    public String finishCreationRefusal(Tenant tenant, Timeline ancestor) {
        return null;
    }

    /** The HTTP status an API answer maps to (routes.rs), for reports; null where the design does not say. */
    public String httpStatus(String op, String error) {
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
