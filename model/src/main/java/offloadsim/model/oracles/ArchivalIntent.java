package offloadsim.model.oracles;

import java.util.List;
import offloadsim.model.OpResult;
import offloadsim.model.Pageserver;

/** What the user last asked of a timeline's archival state, from the op history. */
final class ArchivalIntent {
    private ArchivalIntent() {}

    /**
     * True if the latest archive/unarchive/delete call on the timeline (acknowledged or not — a failed
     * call may still have taken effect) is an acknowledged unarchive.
     */
    static boolean unarchiveAcknowledgedLast(Pageserver ps, String timeline) {
        List<OpResult> h = ps.history().results();
        for (int i = h.size() - 1; i >= 0; i--) {
            OpResult r = h.get(i);
            if (!timeline.equals(r.timeline())) continue;
            if (r.op().equals("archive") || r.op().equals("delete")) return false;
            if (r.op().equals("unarchive")) return r.ok();
        }
        return false;
    }
}
