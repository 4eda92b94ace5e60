package offloadsim.model.oracles;

import java.util.List;

/**
 * Stable names of the model's oracles (used by scenarios, the expected-verdict table, reports and
 * JSON). Panics of the production code are reported by the runtime under the oracle name "panic".
 */
public final class OracleNames {
    private OracleNames() {}

    /** I1, #10220: at quiescence, an unarchived timeline in `timelines` is Stopping with the tenant Active. */
    public static final String STUCK_STOPPING = "stuck-stopping";
    /** I1 liveness: after an acknowledged unarchive and quiescence, getTimeline(t, activeOnly) fails (endpoint cannot start). */
    public static final String ENDPOINT_START = "endpoint-start";
    /** I2: a panic of the production code (reported by the runtime). */
    public static final String PANIC = "panic";
    /** I3 (fix): an archival change was applied to a queue after the arbiter shut it down. */
    public static final String ARBITER = "arbiter";
    /** I4: a timeline was offloaded while its index said unarchived, or stays offloaded after an acknowledged unarchive. */
    public static final String ONLY_ARCHIVED_OFFLOADED = "only-archived-offloaded";
    /** I5: a timeline is in both `timelines` and `timelines_offloaded`. */
    public static final String DISJOINT_MAPS = "disjoint-maps";
    /** I6: an existing, undeleted timeline is in none of the maps while the tenant is Active and nothing is in flight. */
    public static final String PRESENCE = "presence";
    /** I7: a timeline's ancestor is missing (attach would fail with missing ancestors). */
    public static final String ANCESTOR_CLOSURE = "ancestor-closure";
    /** I8: the manifest and the in-memory offloaded set disagree at quiescence, or attach does not rebuild what was persisted. */
    public static final String MANIFEST_CONSISTENCY = "manifest-consistency";
    /** I9, #10297: a Stopping timeline became Active again (or a Broken one changed). */
    public static final String STOPPING_TERMINAL = "stopping-terminal";
    /** I10, #12366: a delete never terminates, or a deleted timeline reappears. */
    public static final String DELETE_TERMINATES = "delete-terminates";

    public static final List<String> ALL = List.of(STUCK_STOPPING, ENDPOINT_START, PANIC, ARBITER, ONLY_ARCHIVED_OFFLOADED,
            DISJOINT_MAPS, PRESENCE, ANCESTOR_CLOSURE, MANIFEST_CONSISTENCY, STOPPING_TERMINAL, DELETE_TERMINATES);
}
