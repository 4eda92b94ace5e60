package offloadsim.model.tenant;

import offloadsim.model.remote.IndexPart;
import offloadsim.model.remote.RemoteTimelineClient;
import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.api.Panic;

/** tenant.rs Tenant::apply_timeline_archival_config and unoffload_timeline. */
final class ArchivalConfig {
    private ArchivalConfig() {}

    // Rust: tenant.rs Tenant::apply_timeline_archival_config; returns null or the error name
    static String apply(Tenant tenant, String id, boolean archive) {
        var sim = tenant.sim;
        Timeline timeline;
        boolean unoffload = false;
        try (var gt = tenant.lt.lock()) {
            timeline = tenant.timelines.get(id);
            if (timeline == null) {
                try (var go = tenant.lo.lock()) {
                    OffloadedTimeline o = tenant.offloaded.get(id);
                    if (o == null) return "NotFound";
                    if (archive) return null; // an offloaded timeline is archived already
                    if (o.ancestorId != null) {
                        // check_ancestor_of_to_be_unarchived_is_not_archived
                        Timeline a = tenant.timelines.get(o.ancestorId);
                        boolean archived;
                        if (a != null) archived = tenant.variant.unarchivalCountsAncestorArchived(a.remoteClient.isArchived());
                        else if (tenant.offloaded.containsKey(o.ancestorId)) archived = true;
                        else return "NotFound"; // ancestor in neither map (a debug-build panic upstream)
                        if (archived) return "HasArchivedParent";
                    }
                    unoffload = true;
                }
            } else if (!archive) {
                if (timeline.ancestor != null && Boolean.TRUE.equals(timeline.ancestor.remoteClient.isArchived())) return "HasArchivedParent";
            } else {
                for (Timeline c : tenant.timelines.values())
                    if (id.equals(c.ancestorId) && !Boolean.TRUE.equals(c.remoteClient.isArchived())) return "HasUnarchivedChildren";
            }
        }
        if (unoffload) {
            Object r = unoffloadTimeline(tenant, id);
            if (r instanceof String err) return err;
            timeline = (Timeline) r;
        }
        String refusal = tenant.variant.archivalConfigRefusal(timeline, archive);
        if (refusal != null) return refusal;
        sim.preemptionPoint("apply_timeline_archival_config/schedule_index_upload_for_timeline_archival_state");
        Boolean needWait = timeline.remoteClient.scheduleIndexUploadForTimelineArchivalState(archive);
        if (needWait == null) return timeline.cancel.isCancelled() ? "Cancelled" : "Other(upload queue not initialized)";
        if (needWait) {
            RemoteTimelineClient.WaitResult w = timeline.remoteClient.waitCompletion("apply_timeline_archival_config/wait_completion");
            switch (w) {
                case TIMEOUT -> { return "Timeout"; }
                case STOPPED -> { return "Cancelled"; }
                case NOT_INITIALIZED -> { return "Other(upload queue not initialized)"; }
                case OK -> { }
            }
        }
        return null;
    }

    // Rust: tenant.rs Tenant::unoffload_timeline; returns the loaded Timeline or an error name
    static Object unoffloadTimeline(Tenant tenant, String id) {
        var sim = tenant.sim;
        TenantState ts = tenant.state.get();
        if (ts == TenantState.STOPPING) return "Cancelled";
        if (ts != TenantState.ACTIVE) throw new Panic("Timeline expected to be active (tenant is " + ts + ")");
        try (var gt = tenant.lt.lock(); var go = tenant.lo.lock(); var gc = tenant.lc.lock()) {
            if (tenant.timelines.containsKey(id)) return "Other(Timeline already exists)";
            if (tenant.creating.contains(id)) return "AlreadyInProgress";
            tenant.creating.add(id);
        }
        try {
            sim.yieldPoint("unoffload_timeline/load_timeline_metadata");
            IndexPart index = tenant.remote.download(id);
            if (index == null || index.deleted()) return "NotFound";
            sim.yieldPoint("load_remote_timeline/create timeline directory");
            Timeline ancestor = null;
            if (index.ancestorId() != null) {
                try (var gt = tenant.lt.lock()) {
                    ancestor = tenant.timelines.get(index.ancestorId());
                }
                if (ancestor == null) return "Other(cannot find ancestor timeline " + index.ancestorId() + ")";
            }
            Timeline t = tenant.newTimeline(id, ancestor, index.ancestorId(), index.archived(), false);
            sim.yieldPoint("timeline_init_and_sync/load_layer_map");
            tenant.variant.afterUnoffloadLayerMapLoaded(tenant, t);
            String refused;
            try (var gt = tenant.lt.lock()) {
                refused = tenant.variant.unoffloadInsertRefusal(tenant, t, ancestor);
                if (refused == null && tenant.timelines.putIfAbsent(id, t) != null) throw new Panic("unreachable: timeline " + id + " already exists in the tenant map");
            }
            if (refused != null) {
                sim.event("unoffload", id + " not inserted: " + refused);
                t.remoteClient.stop();
                return refused;
            }
            sim.preemptionPoint("unoffload_timeline/remove from timelines_offloaded");
            try (var gt = tenant.lt.lock(); var go = tenant.lo.lock()) {
                if (!tenant.timelines.containsKey(id)) return "Other(timeline not available directly after attach)";
                tenant.offloaded.remove(id);
            }
            sim.event("unoffload", id + " loaded into timelines");
            String err = tenant.variant.uploadTenantManifest(tenant);
            if (err != null) return err;
            sim.preemptionPoint("unoffload_timeline/activate");
            t.activate();
            return t;
        } finally {
            try (var gc = tenant.lc.lock()) {
                tenant.creating.remove(id);
            }
        }
    }
}
