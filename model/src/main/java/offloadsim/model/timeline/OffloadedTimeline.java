package offloadsim.model.timeline;

/** tenant.rs OffloadedTimeline: what stays in memory of an offloaded timeline. */
public final class OffloadedTimeline {
    public final String id;
    public final String ancestorId;
    public final boolean archived;
    public final DeletionGuard deleteProgress;
    /** defuse_for_tenant_drop was called (Tenant::shutdown). */
    public boolean defused;

    public OffloadedTimeline(String id, String ancestorId, boolean archived, DeletionGuard deleteProgress) {
        this.id = id;
        this.ancestorId = ancestorId;
        this.archived = archived;
        this.deleteProgress = deleteProgress;
    }
}
