package offloadsim.model.spec;

/**
 * A timeline of the initial world.
 *
 * @param id        timeline id, e.g. "t1"
 * @param ancestor  id of its ancestor, or null for a root timeline
 * @param archived  whether its remote index says archived
 * @param offloaded whether it starts offloaded (listed in the tenant manifest; must then be archived)
 */
public record TimelineSpec(String id, String ancestor, boolean archived, boolean offloaded) {
    public TimelineSpec {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("timeline id must not be empty");
        if (offloaded && !archived) throw new IllegalArgumentException("timeline " + id + " is offloaded but not archived");
    }
}
