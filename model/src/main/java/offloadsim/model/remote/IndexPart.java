package offloadsim.model.remote;

/** The persisted index_part.json of one timeline, reduced to what the races touch. */
public record IndexPart(String timelineId, String ancestorId, boolean archived, boolean deleted) {
    public IndexPart withArchived(boolean a) {
        return new IndexPart(timelineId, ancestorId, a, deleted);
    }

    public IndexPart withDeleted() {
        return new IndexPart(timelineId, ancestorId, archived, true);
    }
}
