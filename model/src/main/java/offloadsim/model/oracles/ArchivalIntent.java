package offloadsim.model.oracles;

import java.util.List;
import offloadsim.model.History;
import offloadsim.model.OpResult;
import offloadsim.model.Pageserver;

/** What the user last asked of a timeline's archival state, from the op history. */
final class ArchivalIntent {
    private ArchivalIntent() {}

    /**
     * True if the latest archive/unarchive/delete call on the timeline (acknowledged or not — a failed
     * call may still have taken effect) is an acknowledged unarchive that no archive or delete of the
     * timeline overlapped in time: overlapping calls may linearize in either order, so their answers do
     * not say which one the user's intent ends with. Reads only the timeline's own archival answers, whose
     * order the scheduler keeps (see {@link History}).
     */
    static boolean unarchiveAcknowledgedLast(Pageserver ps, String timeline) {
        List<History.Answer> h = ps.history().archival(timeline);
        if (h.isEmpty()) return false;
        History.Answer last = h.getLast();
        if (!last.result().op().equals("unarchive") || !last.result().ok()) return false;
        for (History.Answer other : h)
            if (other != last && isArchiveOrDelete(other.result()) && History.overlap(last, other)) return false;
        return true;
    }

    private static boolean isArchiveOrDelete(OpResult r) {
        return r.op().equals("archive") || r.op().equals("delete");
    }
}
