package offloadsim.model.variants;

import offloadsim.model.tenant.Tenant;
import offloadsim.model.timeline.Timeline;

/**
 * Both candidate fixes at once (head+finish-creation-recheck and head+unoffload-recheck): every path that
 * puts a child under an ancestor — branch creation's finish_creation and unoffload's insert — re-checks
 * the ancestor under the timelines lock. The design to sweep archival-chaos with, where the branch and
 * the unoffload races would otherwise mask each other (both end in the same panic and the same
 * ancestor-closure violation).
 */
public class HeadBothRechecks extends HeadFinishCreationRecheck {
    @Override
    public String id() {
        return "head+both-rechecks";
    }

    @Override
    public String summary() {
        return "candidate: head+finish-creation-recheck and head+unoffload-recheck together";
    }

    // Rust: tenant.rs:1303-1316 timeline_init_and_sync (the insert) @6a35a3e9f1 — plus the re-check of head+unoffload-recheck
    @Override
    public String unoffloadInsertRefusal(Tenant tenant, Timeline loaded, Timeline ancestor) {
        return HeadUnoffloadRecheck.ancestorRefusal(ancestor);
    }

    // Rust: tenant.rs:2174-2200 check_ancestor_of_to_be_unarchived_is_not_archived @6a35a3e9f1 — an ancestor in neither map is in transit to timelines_offloaded (or out of the tenant): HasArchivedParent, not a debug-build panic
    @Override
    public boolean unarchivalCountsMissingAncestorArchived() {
        return true;
    }
}
