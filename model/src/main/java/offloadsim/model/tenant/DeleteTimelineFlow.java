package offloadsim.model.tenant;

import offloadsim.model.timeline.DeletionGuard;
import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;

/** delete.rs DeleteTimelineFlow: the guard shared by deletion and offload, and deletion itself. */
final class DeleteTimelineFlow {
    private DeleteTimelineFlow() {}

    // Rust: delete.rs DeleteTimelineFlow::prepare — synchronous, under timelines then timelines_offloaded
    static Prepared prepare(Tenant tenant, String id, boolean allowOffloadedChildren, boolean setStopping) {
        try (var gt = tenant.lt.lock(); var go = tenant.lo.lock()) {
            Timeline t = tenant.timelines.get(id);
            OffloadedTimeline o = t == null ? tenant.offloaded.get(id) : null;
            if (t == null && o == null) return Prepared.error("NotFound");
            if (!allowOffloadedChildren) {
                for (OffloadedTimeline c : tenant.offloaded.values()) if (id.equals(c.ancestorId)) return Prepared.error("HasChildren");
            }
            for (Timeline c : tenant.timelines.values()) if (id.equals(c.ancestorId)) return Prepared.error("HasChildren");
            DeletionGuard guard = t != null ? t.deleteProgress : o.deleteProgress;
            if (!guard.tryLock()) return Prepared.error("AlreadyInProgress");
            if (t != null && setStopping) t.setStateHoldingLocks(TimelineState.STOPPING);
            return new Prepared(t, o, guard, null);
        }
    }

    // Rust: delete.rs DeleteTimelineFlow::run (202 Accepted once the background part is spawned)
    static String run(Tenant tenant, String id) {
        Prepared p = prepare(tenant, id, false, true);
        if (p.error() != null) return p.error();
        p.guard().markInProgress();
        if (p.timeline() != null) p.timeline().shutdown();
        sim(tenant).yieldPoint("DeleteTimelineFlow::run/persist_index_part_with_deleted_flag");
        if (tenant.remote.download(id) == null) {
            // the index is already gone (an older generation finished the deletion)
            p.guard().release();
            return "NotFound";
        }
        tenant.remote.markDeleted(id);
        sim(tenant).spawn("delete " + id, () -> background(tenant, p));
        return null;
    }

    // Rust: delete.rs DeleteTimelineFlow::background / remove_maybe_offloaded_timeline_from_tenant
    private static void background(Tenant tenant, Prepared p) {
        String id = p.timeline() != null ? p.timeline().id : p.offloaded().id;
        var sim = sim(tenant);
        if (p.timeline() != null) sim.yieldPoint("delete_local_timeline_directory");
        sim.yieldPoint("RemoteTimelineClient::delete_all");
        tenant.remote.deleteAll(id);
        sim.failpoint("in_progress_delete");
        try (var gt = tenant.lt.lock(); var go = tenant.lo.lock()) {
            for (Timeline c : tenant.timelines.values())
                if (id.equals(c.ancestorId)) throw new offloadsim.sim.api.Panic("Timeline grew children while we removed layer files (delete of " + id + ")");
            for (OffloadedTimeline c : tenant.offloaded.values())
                if (id.equals(c.ancestorId)) throw new offloadsim.sim.api.Panic("Timeline grew children while we removed layer files (delete of " + id + ")");
            boolean removed = p.timeline() != null ? tenant.timelines.remove(id) != null : tenant.offloaded.remove(id) != null;
            if (!removed) throw new offloadsim.sim.api.Panic("timeline " + id + " that we were deleting was concurrently removed from the map");
        }
        tenant.variant.uploadTenantManifest(tenant);
        p.guard().markFinished();
        p.guard().release();
        sim.event("delete", id + " finished");
    }

    private static offloadsim.sim.api.Sim sim(Tenant t) {
        return t.sim;
    }
}
