package offloadsim.model;

import java.util.Set;
import offloadsim.model.spec.WorldSpec;
import offloadsim.sim.api.Sim;
import offloadsim.sim.explore.Oracles;

/**
 * The model's front door: one pageserver with one tenant, its remote storage, and the user-visible
 * operations (HTTP API calls, the compaction loop, tenant lifecycle) that scenarios run as tasks.
 * Every operation must be called from inside a task of {@code sim}; it yields wherever the Rust awaits.
 *
 * <p>CONTRACT (scenarios and the CLI are written against exactly these signatures).
 */
public final class Pageserver {

    private Pageserver() {}

    /**
     * Builds remote storage from {@code spec} and attaches the tenant so it is Active with its timelines
     * Active (or offloaded, per the manifest). Runs during program set-up, outside any task: no yields.
     */
    public static Pageserver start(Sim sim, Variant variant, WorldSpec spec) {
        throw new UnsupportedOperationException("model not written yet");
    }

    public Variant variant() {
        throw new UnsupportedOperationException();
    }

    /** PUT archival_config {state: Archived}: Tenant::apply_timeline_archival_config. */
    public OpResult archive(String timeline) {
        throw new UnsupportedOperationException();
    }

    /** PUT archival_config {state: Unarchived}; takes the unoffload path for an offloaded timeline. */
    public OpResult unarchive(String timeline) {
        throw new UnsupportedOperationException();
    }

    /** One iteration of the compaction loop (Tenant::compaction_iteration), including auto-offload. */
    public OpResult compactionIteration() {
        throw new UnsupportedOperationException();
    }

    /** POST timeline create with an ancestor: Tenant::create_timeline / branch_timeline. */
    public OpResult branch(String parent, String child) {
        throw new UnsupportedOperationException();
    }

    /** DELETE timeline: DeleteTimelineFlow::run (202 Accepted is ok; the background part is a task). */
    public OpResult delete(String timeline) {
        throw new UnsupportedOperationException();
    }

    /** Tenant::shutdown (detach-style, ShutdownMode::Hard). */
    public OpResult shutdownTenant() {
        throw new UnsupportedOperationException();
    }

    /** Tenant shutdown, then attach of a new tenant instance from remote state only (restart / migration). */
    public OpResult restart() {
        throw new UnsupportedOperationException();
    }

    /** Tenant::get_timeline(id, active_only); what an endpoint start (basebackup) calls with activeOnly=true. */
    public OpResult getTimeline(String timeline, boolean activeOnly) {
        throw new UnsupportedOperationException();
    }

    /** The oracles for this run, restricted to the given names (see OracleNames); empty set = all. */
    public Oracles oracles(Set<String> enabled) {
        throw new UnsupportedOperationException();
    }

    /** Canonical text of the current state (maps, states, queues, remote storage) for coverage and reports. */
    public String describeState() {
        throw new UnsupportedOperationException();
    }
}
