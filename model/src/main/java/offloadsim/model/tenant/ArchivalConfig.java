package offloadsim.model.tenant;

import offloadsim.model.remote.IndexPart;
import offloadsim.model.remote.RemoteTimelineClient;
import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;
import offloadsim.sim.api.Panic;
import offloadsim.sim.api.SimGate;

/** tenant.rs Tenant::apply_timeline_archival_config and unoffload_timeline. */
final class ArchivalConfig {
    private ArchivalConfig() {}

    /** apply_timeline_archival_config's MAX_WAIT for the index upload (the only bounded wait_completion). */
    private static final long WAIT_COMPLETION_TIMEOUT_NANOS = 10_000_000_000L;

    // Rust: tenant.rs:2162-2250 Tenant::apply_timeline_archival_config @49756a0d01; tenant.rs:2163-2251 @6149ac8834
    //   — returns null or the error name
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
                        else if (tenant.variant.unarchivalCountsMissingAncestorArchived()) archived = true;
                        else throw ancestorInNeitherMap(o.ancestorId);
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
            RemoteTimelineClient.WaitResult w = timeline.remoteClient.waitCompletion("apply_timeline_archival_config/wait_completion", WAIT_COMPLETION_TIMEOUT_NANOS);
            switch (w) {
                case TIMEOUT -> { return "Timeout"; }
                case STOPPED -> { return "Cancelled"; }
                case NOT_INITIALIZED -> { return "Other(upload queue not initialized)"; }
                case OK -> { }
            }
        }
        return null;
    }

    /**
     * check_ancestor_of_to_be_unarchived_is_not_archived, ancestor in neither map: Rust logs an error and
     * panics under debug_assertions; only a release build answers NotFound. Neon's CI runs debug builds, so
     * the model reports the panic (S6: an unarchive of a child while its parent is between the two maps).
     */
    // Rust: tenant.rs:1991-2017 check_ancestor_of_to_be_unarchived_is_not_archived @6149ac8834; tenant.rs:1990-2016 @49756a0d01
    private static Panic ancestorInNeitherMap(String ancestorId) {
        return new Panic("ancestor timeline " + ancestorId + " not found (debug build: panics under debug_assertions, as in Neon's CI; a release build answers NotFound)");
    }

    // Rust: tenant.rs:2034-2160 unoffload_timeline @49756a0d01; tenant.rs:2035-2161 @6149ac8834
    // Rust: tenant.rs:5175-5208 create_timeline_create_guard @49756a0d01; tenant.rs:5184-5217 @6149ac8834
    /**
     * Returns the loaded Timeline or an error name. The create guard enters the tenant gate before its
     * L_T/L_O/L_C section (Cancelled if the gate is closed) and holds it until the call returns,
     * activation included; a manifest upload error is Other, as From&lt;TenantManifestError&gt; maps it.
     */
    static Object unoffloadTimeline(Tenant tenant, String id) {
        var sim = tenant.sim;
        // part 1's checks (L_T, L_O) are a separate critical section from the tenant-state read
        sim.preemptionPoint("unoffload_timeline/current_state");
        TenantState ts = tenant.state.get();
        if (ts == TenantState.STOPPING) return "Cancelled";
        if (ts != TenantState.ACTIVE) throw new Panic("Timeline expected to be active (tenant is " + ts + ")");
        sim.preemptionPoint("unoffload_timeline/create_timeline_create_guard");
        SimGate.Guard gate = tenant.gate.enter();
        if (gate == null) return "Cancelled";
        try (gate) {
            try (var gt = tenant.lt.lock(); var go = tenant.lo.lock(); var gc = tenant.lc.lock()) {
                if (tenant.timelines.containsKey(id)) return "Other(Timeline already exists)";
                if (tenant.creating.contains(id)) return "AlreadyInProgress";
                tenant.creating.add(id);
            }
            return unoffloadHoldingCreateGuard(tenant, id);
        }
    }

    // Rust: tenant.rs:2072-2160 Tenant::unoffload_timeline (after the create guard) @49756a0d01;
    //   tenant.rs:2073-2161 (after the create guard) @6149ac8834
    private static Object unoffloadHoldingCreateGuard(Tenant tenant, String id) {
        var sim = tenant.sim;
        try {
            sim.yieldPoint("unoffload_timeline/load_timeline_metadata");
            IndexPart index = tenant.remote.download(id, tenant.generation);
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
                if (refused == null && tenant.timelines.putIfAbsent(id, t) != null) throw tenant.panicHolding("unreachable: timeline " + id + " already exists in the tenant map", tenant.lt);
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
            if (err != null) return "Cancelled".equals(err) ? "Cancelled" : "Other(" + err + ")";
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
