package offloadsim.model.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The initial world of a run: one tenant attached and Active on one pageserver, built from remote
 * state (index parts and the tenant manifest) the way attach would build it.
 *
 * @param timelines         timelines in any order; ancestors must be listed
 * @param offloadingEnabled the timeline_offloading config (auto-offload by compaction)
 * @param compactionSteps   how many yield points one timeline's compact() takes (the check-to-use gap)
 * @param compactionUploads how many layer files one timeline's compact() writes: each is queued for
 *                          upload, then an index upload after them; 0 = compaction finds nothing to do
 *                          and leaves the upload queue idle
 */
public record WorldSpec(List<TimelineSpec> timelines, boolean offloadingEnabled, int compactionSteps, int compactionUploads) {
    public WorldSpec {
        timelines = List.copyOf(timelines);
        if (compactionSteps < 0) throw new IllegalArgumentException("compactionSteps must not be negative");
        if (compactionUploads < 0) throw new IllegalArgumentException("compactionUploads must not be negative");
        Set<String> ids = new LinkedHashSet<>();
        for (TimelineSpec t : timelines) {
            if (!ids.add(t.id())) throw new IllegalArgumentException("timeline " + t.id() + " is listed twice");
        }
        for (TimelineSpec t : timelines) {
            if (t.ancestor() != null && !ids.contains(t.ancestor()))
                throw new IllegalArgumentException("timeline " + t.id() + " has unknown ancestor " + t.ancestor());
        }
        String impossible = impossibility(timelines);
        if (impossible != null) throw new IllegalArgumentException(impossible);
    }

    /**
     * Why these timelines cannot be the state of an attached tenant, or null: an ancestry cycle, or a loaded
     * timeline whose ancestor is offloaded (attach would bail on the missing ancestor). Ids are assumed unique
     * and ancestors known.
     */
    public static String impossibility(List<TimelineSpec> timelines) {
        Map<String, TimelineSpec> byId = new LinkedHashMap<>();
        for (TimelineSpec t : timelines) byId.put(t.id(), t);
        for (TimelineSpec t : timelines) {
            List<String> path = new ArrayList<>(List.of(t.id()));
            String a = t.ancestor();
            while (a != null && byId.containsKey(a)) {
                path.add(a);
                if (a.equals(t.id())) return "ancestry cycle: " + String.join(" -> ", path);
                if (path.size() > byId.size() + 1) break; // a cycle not through t: reported from one of its members
                a = byId.get(a).ancestor();
            }
            TimelineSpec anc = t.ancestor() == null ? null : byId.get(t.ancestor());
            if (anc != null && !t.offloaded() && anc.offloaded())
                return "timeline " + t.id() + " is loaded but its ancestor " + anc.id() + " is offloaded (attach would fail on the missing ancestor)";
        }
        return null;
    }

    /** A world whose compaction writes no layer files. */
    public WorldSpec(List<TimelineSpec> timelines, boolean offloadingEnabled, int compactionSteps) {
        this(timelines, offloadingEnabled, compactionSteps, 0);
    }
}
