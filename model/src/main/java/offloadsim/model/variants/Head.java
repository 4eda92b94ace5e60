package offloadsim.model.variants;

import java.util.TreeMap;
import offloadsim.model.tenant.CompactionIteration;
import offloadsim.model.tenant.Tenant;
import offloadsim.model.tenant.TenantManifest;
import offloadsim.model.timeline.Timeline;
import offloadsim.model.timeline.TimelineState;

/**
 * head (6a35a3e9f1, the newest snapshot; the offload path last changed 2025-07-29): the #10305 arbiter
 * unchanged, plus what came after it — the delete guard's refusals mapped to NotArchived and
 * AlreadyInProgress (#10776, #12428), the compaction iteration restructured around an Active-only
 * snapshot and a gc-compaction queue step (#10744, #10798), the manifest uploaded with retries against
 * the last known remote copy (#10524, #11328), the unarchival heatmap walk in unoffload (#10880,
 * #11088) and wait_lsn's checks on the ancestor of a branch. Everything else is the fix's code.
 */
public class Head extends Fix10305 {
    @Override
    public String rustCommit() {
        return "6a35a3e9f1";
    }

    @Override
    public String id() {
        return "head";
    }

    @Override
    public String summary() {
        return "Neon at 6a35a3e9f1 (2026-03; offload path as of 2025-07-29): the fix plus #10744's compaction, the guard's kinds, manifest retries, the heatmap walk";
    }

    // Rust: offload.rs:47-66 offload_timeline (the guard's refusals) @6a35a3e9f1
    @Override
    public String offloadGuardRefused(Tenant tenant, Timeline timeline, String guardError) {
        return switch (guardError) {
            case "HasChildren" -> {
                timeline.remoteClient.isArchived(); // :50, only logged: archived with unarchived children is an error log
                yield "NotArchived";
            }
            case "AlreadyInProgress" -> "AlreadyInProgress";
            default -> "Other(" + guardError + ")";
        };
    }

    // Rust: delete.rs:362-403 schedule_background @6a35a3e9f1 — the tenant gate guard of #10702
    @Override
    public boolean deletionTaskHoldsTenantGate() {
        return true;
    }

    // Rust: tenant.rs:3135-3323 compaction_iteration @6a35a3e9f1
    @Override
    public String compactionIteration(Tenant tenant) {
        return CompactionIteration.runHead(tenant);
    }

    // Rust: tenant.rs:3293-3300 compaction_iteration (the offload's or_else) @6a35a3e9f1 — AlreadyInProgress ignored since #12428
    @Override
    public boolean compactionIgnoresOffloadError(String error) {
        return super.compactionIgnoresOffloadError(error) || "AlreadyInProgress".equals(error);
    }

    // Rust: tenant.rs:5757-5817 maybe_upload_tenant_manifest @6a35a3e9f1
    @Override
    public String uploadTenantManifest(Tenant tenant) {
        return TenantManifest.maybeUpload(tenant);
    }

    // Rust: tenant.rs:1912-1921 attach (stash the preloaded manifest, then maybe upload) @6a35a3e9f1
    @Override
    public String manifestAfterAttach(Tenant tenant, TreeMap<String, String> downloaded, boolean needsUpload, boolean atSetup) {
        TenantManifest.stashDownloaded(tenant, downloaded);
        return atSetup ? null : uploadTenantManifest(tenant);
    }

    // Rust: tenant.rs:1241-1275 timeline_init_and_sync (the unarchival heatmap walk) @6a35a3e9f1 — generate_unarchival_heatmap defaults to true
    @Override
    public void afterUnoffloadLayerMapLoaded(Tenant tenant, Timeline loaded) {
        var sim = tenant.sim();
        for (Timeline tline = loaded; tline != null; ) {
            // timeline.rs:4286-4290 generate_unarchival_heatmap takes tline's layers.read()
            sim.yieldPoint("timeline_init_and_sync/generate_unarchival_heatmap " + tline.id);
            Timeline ancestor = tline.ancestor;
            if (ancestor == null) break;
            // compaction.rs:1796-1809 update_layer_visibility: the ancestor's layers.read(), Err once its
            // Timeline::shutdown shut the layer manager down (timeline.rs:2491-2496); the model takes the
            // ancestor's cancellation (timeline.rs:2460, shortly before) as that moment
            sim.yieldPoint("timeline_init_and_sync/update_layer_visibility " + ancestor.id);
            if (ancestor.cancel.isCancelled()) break; // "Ancestor timeline is shutting down."
            tline = ancestor;
        }
    }

    // Rust: tenant.rs:2749-2783 create_timeline (the ancestor's wait_lsn) @6a35a3e9f1; timeline.rs:1782-1794 wait_lsn (its state checks) @6a35a3e9f1
    @Override
    public String branchWaitLsn(Tenant tenant, Timeline ancestor) {
        TimelineState s = ancestor.currentState();
        if (ancestor.cancel.isCancelled() || s == TimelineState.STOPPING) return "ShuttingDown"; // WaitLsnError::Shutdown
        if (s != TimelineState.ACTIVE) return "AncestorLsn(BadState(" + s + "))";
        tenant.sim().yieldPoint("create_timeline/wait_lsn");
        // a waiter still waiting when the ancestor's shutdown begins is woken with Shutdown by
        // last_record_lsn.shutdown() (timeline.rs:2383); every shutdown path sets Stopping right before it
        return ancestor.currentState() == TimelineState.STOPPING || ancestor.cancel.isCancelled() ? "ShuttingDown" : null;
    }

    // Rust: routes.rs:668-709 timeline_create_handler (its error-to-status mapping) @6a35a3e9f1 — and the From impls for DeleteTimelineError and TimelineArchivalError (routes.rs lines 313-349 at HEAD), trait impls outside the function index
    @Override
    public String httpStatus(String op, String error) {
        return switch (op) {
            case "archive", "unarchive" -> error == null ? "200" : switch (errorKind(error)) {
                case "NotFound" -> "404";
                case "Timeout" -> "408";
                case "Cancelled", "ShuttingDown" -> "503";
                case "HasArchivedParent", "HasUnarchivedChildren" -> "412";
                case "AlreadyInProgress" -> "409";
                default -> "500";
            };
            case "delete" -> error == null ? "202" : switch (errorKind(error)) {
                case "NotFound" -> "404";
                case "HasChildren" -> "412";
                case "AlreadyInProgress" -> "409";
                case "Cancelled", "ShuttingDown" -> "503";
                default -> "500";
            };
            case "branch" -> error == null ? "201" : switch (errorKind(error)) {
                case "AncestorNotActive", "ShuttingDown" -> "503";
                case "AncestorArchived", "AncestorLsn" -> "406";
                case "AlreadyInProgress" -> "429"; // AlreadyCreating
                case "AlreadyExists" -> "409";
                default -> "500";
            };
            default -> null;
        };
    }

    private static String errorKind(String error) {
        int paren = error.indexOf('(');
        return paren < 0 ? error : error.substring(0, paren);
    }
}
