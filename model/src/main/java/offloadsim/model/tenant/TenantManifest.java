package offloadsim.model.tenant;

import java.util.TreeSet;
import offloadsim.sim.api.FailpointException;

/**
 * The tenant manifest (the ids of offloaded timelines) as the two designs upload it: one attempt
 * (store_tenant_manifest, the code of #10305) or with retries against a last-known-remote copy
 * (maybe_upload_tenant_manifest, HEAD). Both serialize callers on L_M and rebuild the manifest from
 * timelines_offloaded under it.
 */
public final class TenantManifest {
    /** rtc.rs FAILED_REMOTE_OP_RETRIES. */
    static final int FAILED_REMOTE_OP_RETRIES = 10;
    /** backoff::retry sleeps between attempts (exponential from 0.1 s upstream; one step is enough for the races). */
    private static final long RETRY_BACKOFF_NANOS = 100_000_000L;

    private TenantManifest() {}

    // Rust: tenant.rs:5382-5422 store_tenant_manifest @6149ac8834
    public static String storeOnce(Tenant t) {
        if (t.cancel.isCancelled()) return "Cancelled";
        try (var g = t.manifestLock.lock()) {
            TreeSet<String> m = build(t);
            if (m.equals(t.lastUploadedManifest)) return null;
            t.sim.yieldPoint("store_tenant_manifest/upload");
            try {
                t.sim.failpoint("remote-upload-manifest");
            } catch (FailpointException e) {
                return "RemoteStorage";
            }
            t.remote.uploadManifest(m);
            t.lastUploadedManifest = m;
            t.sim.event("manifest", "g" + t.generation + " uploaded offloaded=" + m);
            return null;
        }
    }

    /**
     * Rust: tenant.rs:5757-5816 maybe_upload_tenant_manifest @6a35a3e9f1. The guard holds the last
     * manifest known to be remote (None until attach stashed the downloaded one); an upload is retried up
     * to FAILED_REMOTE_OP_RETRIES times (rtc.rs:247), and cancellation of the tenant ends it as Cancelled.
     */
    public static String maybeUpload(Tenant t) {
        if (t.cancel.isCancelled()) return "Cancelled"; // the select! on cancelled() (:5762-5765)
        try (var g = t.manifestLock.lock()) {
            TreeSet<String> m = build(t);
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
            t.remote.uploadManifest(m);
            t.lastUploadedManifest = m;
            t.sim.event("manifest", "g" + t.generation + " uploaded offloaded=" + m);
            return null;
        }
    }

    /** The designs of #10305: attach takes the offloaded set it loaded as already uploaded. */
    public static void assumeOffloadedSetUploaded(Tenant t) {
        t.lastUploadedManifest = new TreeSet<>(t.offloaded.keySet());
    }

    /** Rust: tenant.rs:1916-1920 attach @6a35a3e9f1 — stash the preloaded manifest as the last known remote one. */
    public static void stashDownloaded(Tenant t, TreeSet<String> downloaded) {
        t.lastUploadedManifest = downloaded == null ? null : new TreeSet<>(downloaded);
    }

    // Rust: tenant.rs:4242-4258 build_tenant_manifest @6a35a3e9f1 (the offloaded entries under L_O)
    private static TreeSet<String> build(Tenant t) {
        try (var go = t.lo.lock()) {
            return new TreeSet<>(t.offloaded.keySet());
        }
    }
}
