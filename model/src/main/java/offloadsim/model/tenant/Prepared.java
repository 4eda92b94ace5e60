package offloadsim.model.tenant;

import offloadsim.model.timeline.DeletionGuard;
import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.Timeline;

/** DeleteTimelineFlow::prepare's answer: TimelineOrOffloaded plus the held guard, or an error name. */
public record Prepared(Timeline timeline, OffloadedTimeline offloaded, DeletionGuard guard, String error) {
    static Prepared error(String e) {
        return new Prepared(null, null, null, e);
    }
}
