package offloadsim.model;

import java.util.ArrayList;
import java.util.List;

/** Every answer a user-visible operation gave, in completion order, for the oracles. */
public final class History {
    private final List<OpResult> results = new ArrayList<>();

    void record(OpResult r) {
        results.add(r);
    }

    public List<OpResult> results() {
        return List.copyOf(results);
    }

    /** The last acknowledged (Ok) archive/unarchive/delete of the timeline, or null. */
    public OpResult lastAcknowledged(String timeline) {
        for (int i = results.size() - 1; i >= 0; i--) {
            OpResult r = results.get(i);
            if (r.ok() && timeline.equals(r.timeline()) && (r.op().equals("archive") || r.op().equals("unarchive") || r.op().equals("delete")))
                return r;
        }
        return null;
    }
}
