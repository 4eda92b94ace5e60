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
 * HasArchivedParent and the child stays offloaded. The unarchival check that runs first answers
 * HasArchivedParent, instead of panicking in a debug build, for an ancestor found in neither map.
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

    // Rust: tenant.rs:1303-1316 timeline_init_and_sync (the insert) @6a35a3e9f1 — plus a re-check before the insert
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

    // Rust: tenant.rs:2174-2200 check_ancestor_of_to_be_unarchived_is_not_archived @6a35a3e9f1 — an ancestor in neither map is in transit to timelines_offloaded (or out of the tenant): HasArchivedParent, not a debug-build panic
    @Override
    public boolean unarchivalCountsMissingAncestorArchived() {
        return true;
    }
}
