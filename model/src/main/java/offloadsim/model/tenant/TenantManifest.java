package offloadsim.model.tenant;

import java.util.TreeMap;
import offloadsim.model.timeline.OffloadedTimeline;
import offloadsim.sim.api.FailpointException;
import offloadsim.sim.api.SimMutex;

/**
 * The tenant manifest (offloaded timeline id → ancestor id) as the designs upload it: one attempt
 * (store_tenant_manifest, the code of #10305) or with retries against a last-known-remote copy
 * (maybe_upload_tenant_manifest, HEAD). Both serialize callers on L_M, whose wait races the tenant's
 * cancellation, and rebuild the manifest from timelines_offloaded under it.
 */
public final class TenantManifest {
    /** rtc.rs FAILED_REMOTE_OP_RETRIES. */
    static final int FAILED_REMOTE_OP_RETRIES = 10;
    /** backoff::retry sleeps between attempts (exponential from 0.1 s upstream; one step is enough for the races). */
    private static final long RETRY_BACKOFF_NANOS = 100_000_000L;

    private TenantManifest() {}

    // Rust: tenant.rs:5373-5413 store_tenant_manifest @49756a0d01; tenant.rs:5382-5422 @6149ac8834
    /**
     * Skipped if equal to what this instance last uploaded (None at first, so the first call uploads); the
     * upload itself gives up once the tenant is cancelled.
     */
    public static String storeOnce(Tenant t) {
        SimMutex.Guard held = lockUnlessCancelled(t);
        if (held == null) return "Cancelled";
        try (var g = held) {
            TreeMap<String, String> m = build(t);
            if (m.equals(t.lastUploadedManifest)) return null;
            t.sim.yieldPoint("store_tenant_manifest/upload");
            try {
                t.sim.failpoint("remote-upload-manifest");
            } catch (FailpointException e) {
                return t.cancel.isCancelled() ? "Cancelled" : "RemoteStorage";
            }
            if (t.cancel.isCancelled()) return "Cancelled"; // upload_tenant_manifest's retries stop on the tenant's cancel
            uploaded(t, m);
            return null;
        }
    }

    // Rust: none @49756a0d01 (store_tenant_manifest there); none @6149ac8834 (idem); tenant.rs:5757-5817 maybe_upload_tenant_manifest @6a35a3e9f1
    /**
     * The guard holds the last manifest known to be remote (None until attach stashed the downloaded one);
     * an upload is retried up to FAILED_REMOTE_OP_RETRIES times (rtc.rs:247), and cancellation of the
     * tenant ends it as Cancelled.
     */
    public static String maybeUpload(Tenant t) {
        SimMutex.Guard held = lockUnlessCancelled(t); // the select! on cancelled() (:5762-5765)
        if (held == null) return "Cancelled";
        try (var g = held) {
            TreeMap<String, String> m = build(t);
            if (t.lastUploadedManifest != null && m.equals(t.lastUploadedManifest)) return null; // eq_ignoring_version (:5772-5776)
            for (int attempt = 1; ; attempt++) {
                t.sim.yieldPoint("maybe_upload_tenant_manifest/upload");
                try {
                    t.sim.failpoint("remote-upload-manifest");
                    break;
                } catch (FailpointException e) {
                    if (t.cancel.isCancelled()) return "Cancelled"; // :5807
                    if (attempt == FAILED_REMOTE_OP_RETRIES) return "RemoteStorage"; // :5808
                    t.sim.sleep(RETRY_BACKOFF_NANOS, "maybe_upload_tenant_manifest/backoff");
                    if (t.cancel.isCancelled()) return "Cancelled"; // backoff::retry observes cancel: None (:5806)
                }
            }
            if (t.cancel.isCancelled()) return "Cancelled";
            uploaded(t, m);
            return null;
        }
    }

    // Rust: none @49756a0d01 (no stash); none @6149ac8834 (no stash); tenant.rs:1912-1921 attach (the stash) @6a35a3e9f1
    /** HEAD's attach stashes the preloaded manifest as the last known remote one (dangling entries included). */
    public static void stashDownloaded(Tenant t, TreeMap<String, String> downloaded) {
        t.lastUploadedManifest = downloaded == null ? null : new TreeMap<>(downloaded);
    }

    /**
     * L_M, unless the tenant's cancellation wins the select!: Cancelled at once if it already fired; if the
     * lock is held elsewhere, a cancellation that fired while we waited was ready first.
     */
    // Rust: tenant.rs:5373-5413 store_tenant_manifest (the select! on L_M and cancel) @49756a0d01; tenant.rs:5382-5422 (idem) @6149ac8834
    private static SimMutex.Guard lockUnlessCancelled(Tenant t) {
        if (t.cancel.isCancelled()) return null;
        SimMutex.Guard held = t.manifestLock.tryLock();
        if (held == null) {
            held = t.manifestLock.lock();
            if (t.cancel.isCancelled()) {
                held.close();
                return null;
            }
        }
        return held;
    }

    private static void uploaded(Tenant t, TreeMap<String, String> m) {
        t.remote.uploadManifest(m, t.generation);
        t.lastUploadedManifest = m;
        t.sim.event("manifest", "g" + t.generation + " uploaded offloaded=" + m.keySet());
    }

    // Rust: tenant.rs:5373-5413 store_tenant_manifest (build_tenant_manifest under L_O) @49756a0d01; tenant.rs:5382-5422 (idem) @6149ac8834
    private static TreeMap<String, String> build(Tenant t) {
        TreeMap<String, String> m = new TreeMap<>();
        try (var go = t.lo.lock()) {
            for (OffloadedTimeline o : t.offloaded.values()) m.put(o.id, o.ancestorId);
        }
        return m;
    }
}
