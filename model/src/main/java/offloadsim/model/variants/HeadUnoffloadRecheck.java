package offloadsim.model.variants;

import offloadsim.model.tenant.Tenant;
import offloadsim.model.timeline.Timeline;

/**
 * Candidate fix for R-UNOFF at HEAD (unarchiving an offloaded child while its parent is archived and
 * offloaded): timeline_init_and_sync, holding the timelines lock it inserts the unoffloaded timeline
 * under, re-checks the ancestor it looked up at load_remote_timeline — still Active, its upload queue
 * usable with neither the dirty nor the clean index archived. Offload of the ancestor passes through
 * shutting_down and Stopping before it removes it; archiving it sets dirty.archived_at first; once the
 * child is in timelines, the ancestor can no longer be offloaded. The unarchive fails with 412
 * HasArchivedParent and the child stays offloaded.
 */
public class HeadUnoffloadRecheck extends Head {
    @Override
    public String id() {
        return "head+unoffload-recheck";
    }

    @Override
    public String summary() {
        return "candidate: unoffload re-checks under the timelines lock, before inserting, that the ancestor is Active and neither archived nor being archived/offloaded";
    }

    // Rust: tenant.rs:1303-1316 timeline_init_and_sync @6a35a3e9f1, plus the re-check before the insert
    @Override
    public String unoffloadInsertRefusal(Tenant tenant, Timeline loaded, Timeline ancestor) {
        return ancestorRefusal(ancestor);
    }

    /** The re-check itself, shared with designs that combine it with other fixes. */
    static String ancestorRefusal(Timeline ancestor) {
        if (ancestor == null) return null;
        if (!ancestor.isActive() || !ancestor.remoteClient.unarchivedInDirtyAndClean()) return "HasArchivedParent";
        return null;
    }
}
