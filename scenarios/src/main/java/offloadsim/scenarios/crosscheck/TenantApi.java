package offloadsim.scenarios.crosscheck;

import offloadsim.model.OpResult;

/**
 * The user-visible tenant calls the cross-checks drive: the subset of {@code offloadsim.model.Pageserver}
 * that #10220 is about. Implemented by the model (through {@link Subject#model}) and by the
 * {@link offloadsim.scenarios.crosscheck.standin.StandInPageserver stand-in} the infrastructure was proven on.
 *
 * <p>Belongs in {@code model/} eventually (a narrow facade over Pageserver); kept here, next to the
 * cross-check harness that drives it, so the harness does not reach into model/.
 */
public interface TenantApi {

    /** PUT archival_config {state: Archived}. */
    OpResult archive(String timeline);

    /** PUT archival_config {state: Unarchived}; unoffloads an offloaded timeline. */
    OpResult unarchive(String timeline);

    /** One compaction iteration including auto-offload. */
    OpResult compactionIteration();

    /** Tenant::get_timeline(id, activeOnly); an endpoint start calls it with activeOnly=true. */
    OpResult getTimeline(String timeline, boolean activeOnly);
}
