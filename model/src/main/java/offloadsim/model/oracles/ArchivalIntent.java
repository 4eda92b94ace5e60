package offloadsim.model.oracles;

import java.util.List;
import offloadsim.model.OpResult;
import offloadsim.model.Pageserver;

/** What the user last asked of a timeline's archival state, from the op history. */
final class ArchivalIntent {
    private ArchivalIntent() {}

    /**
     * True if the latest archive/unarchive/delete call on the timeline (acknowledged or not — a failed
     * call may still have taken effect) is an acknowledged unarchive that no archive or delete of the
     * timeline overlapped in time: overlapping calls may linearize in either order, so their answers do
     * not say which one the user's intent ends with.
     */
    static boolean unarchiveAcknowledgedLast(Pageserver ps, String timeline) {
        List<OpResult> h = ps.history().results();
        for (int i = h.size() - 1; i >= 0; i--) {
            OpResult r = h.get(i);
            if (!timeline.equals(r.timeline())) continue;
            if (isArchiveOrDelete(r)) return false;
            if (!r.op().equals("unarchive")) continue;
            if (!r.ok()) return false;
            for (int j = 0; j < h.size(); j++)
                if (j != i && timeline.equals(h.get(j).timeline()) && isArchiveOrDelete(h.get(j)) && ps.history().overlap(i, j)) return false;
            return true;
        }
        return false;
    }

    private static boolean isArchiveOrDelete(OpResult r) {
        return r.op().equals("archive") || r.op().equals("delete");
    }
}
