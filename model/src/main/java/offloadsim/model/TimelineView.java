package offloadsim.model;

/**
 * What a client can learn about one timeline from the pageserver: which map holds it, its state and its
 * archival flag (timeline_detail's is_archived; an offloaded timeline is archived by definition).
 *
 * @param map      "timelines", "offloaded" or "none"
 * @param state    the timeline's state (Active, Stopping, ...) when loaded, else null
 * @param archived the archival flag, or null when in no map (or the upload queue can no longer say)
 */
public record TimelineView(String map, String state, Boolean archived) {

    public static final String TIMELINES = "timelines";
    public static final String OFFLOADED = "offloaded";
    public static final String NONE = "none";

    /** A timeline in neither map (or no tenant attached). */
    public static final TimelineView ABSENT = new TimelineView(NONE, null, null);

    @Override
    public String toString() {
        if (map.equals(NONE)) return "in no map";
        if (map.equals(OFFLOADED)) return "offloaded";
        return state + " in timelines, " + (archived == null ? "archival flag unknown" : archived ? "archived" : "unarchived");
    }
}
