package offloadsim.scenarios.expect;

import java.util.ArrayList;
import java.util.List;
import offloadsim.model.TimelineView;

/**
 * What a timeline must look like: which map holds it, its state, its archival flag. Each part is optional
 * (null: not checked).
 *
 * @param map      timelines, offloaded or none
 * @param state    the timeline's state (Active, Stopping, Broken, Loading); only for map timelines
 * @param archived the archival flag the detail API reports (an offloaded timeline is archived)
 */
public record TimelineExpectation(String map, String state, Boolean archived) {

    public static final List<String> MAPS = List.of(TimelineView.TIMELINES, TimelineView.OFFLOADED, TimelineView.NONE);
    public static final List<String> STATES = List.of("Loading", "Active", "Stopping", "Broken", "Offloading");

    /** Null if {@code v} fits, else what differs. */
    public String mismatch(TimelineView v) {
        List<String> wrong = new ArrayList<>();
        if (map != null && !map.equals(v.map())) wrong.add("map " + map);
        if (state != null && !state.equals(v.state())) wrong.add("state " + state);
        if (archived != null && !archived.equals(v.archived())) wrong.add(archived ? "archived" : "unarchived");
        return wrong.isEmpty() ? null : "expected " + String.join(", ", wrong) + "; observed " + v;
    }

    /** The scenario-file form: {@code {map: timelines, state: Active, archived: false}}. */
    public String flow() {
        List<String> parts = new ArrayList<>();
        if (map != null) parts.add("map: " + map);
        if (state != null) parts.add("state: " + state);
        if (archived != null) parts.add("archived: " + archived);
        return "{" + String.join(", ", parts) + "}";
    }
}
