package offloadsim.model.remote;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimMutex;

/**
 * Simulated S3: per timeline, one index part per generation (index_part.json-{generation}); per
 * generation, one tenant manifest (offloaded timeline id → its ancestor id). A tenant instance writes
 * under its own generation and reads the latest generation at or below it, as the Rust's
 * download_index_part and download_tenant_manifest do; so an older generation's late write never
 * overwrites a newer generation's object, but a newer reader that has not written yet still sees it.
 * It outlives tenant instances. Every access holds its mutex, which makes remote I/O visible to the
 * scheduler's independence analysis.
 */
public final class RemoteStorage {
    /** The generation the set-up state is written under (the first attach is generation 1). */
    public static final int SEED_GENERATION = 1;

    private final SimMutex lock;
    /** timeline id → generation → index part. */
    private final TreeMap<String, TreeMap<Integer, IndexPart>> indices = new TreeMap<>();
    /** generation → manifest (offloaded id → ancestor id, null for none). */
    private final TreeMap<Integer, TreeMap<String, String>> manifests = new TreeMap<>();
    /** Writes so far, and the between-steps view built after the last of them (oracles peek many times a step). */
    private int writes;
    private Snapshot peeked;
    private int peekedAt = -1;

    public RemoteStorage(Sim sim) {
        this.lock = sim.mutex("remote_storage", false);
    }

    /** Set-up only (no task running): seeds the remote state. */
    public void seed(IndexPart index, boolean inManifest) {
        writes++;
        indices.computeIfAbsent(index.timelineId(), k -> new TreeMap<>()).put(SEED_GENERATION, index);
        if (inManifest) manifests.computeIfAbsent(SEED_GENERATION, k -> new TreeMap<>()).put(index.timelineId(), index.ancestorId());
    }

    /** download_index_part: the index of the latest generation at or below {@code generation}, or null (NotFound). */
    public IndexPart download(String id, int generation) {
        try (var g = lock.lock()) {
            return latest(indices.get(id), generation);
        }
    }

    /** The latest index of any generation (tests). */
    public IndexPart download(String id) {
        return download(id, Integer.MAX_VALUE);
    }

    /** upload_index_part: writes index_part.json-{generation}. */
    public void upload(IndexPart index, int generation) {
        try (var g = lock.lock()) {
            writes++;
            indices.computeIfAbsent(index.timelineId(), k -> new TreeMap<>()).put(generation, index);
        }
    }

    /** RemoteTimelineClient::delete_all: every object under the timeline's prefix, of every generation. */
    public void deleteAll(String id) {
        try (var g = lock.lock()) {
            writes++;
            indices.remove(id);
        }
    }

    /** upload_tenant_manifest under {@code generation}. */
    public void uploadManifest(TreeMap<String, String> offloaded, int generation) {
        try (var g = lock.lock()) {
            writes++;
            manifests.put(generation, new TreeMap<>(offloaded));
        }
    }

    /** What attach at {@code generation} lists and downloads: every prefix's latest index, and the latest manifest. */
    public Snapshot snapshot(int generation) {
        try (var g = lock.lock()) {
            return view(generation);
        }
    }

    /**
     * Between-steps view for oracles (no lock, no footprint): the latest generation of everything. The same
     * instance is handed out until the next write, so callers read it and never modify it.
     */
    public Snapshot peek() {
        if (peekedAt != writes) {
            peeked = view(Integer.MAX_VALUE);
            peekedAt = writes;
        }
        return peeked;
    }

    private Snapshot view(int generation) {
        TreeMap<String, IndexPart> latest = new TreeMap<>();
        for (Map.Entry<String, TreeMap<Integer, IndexPart>> e : indices.entrySet()) {
            IndexPart ip = latest(e.getValue(), generation);
            if (ip != null) latest.put(e.getKey(), ip);
        }
        var m = manifests.floorEntry(generation);
        return new Snapshot(latest, m == null ? new TreeMap<>() : new TreeMap<>(m.getValue()));
    }

    private static IndexPart latest(TreeMap<Integer, IndexPart> byGeneration, int generation) {
        if (byGeneration == null) return null;
        var e = byGeneration.floorEntry(generation);
        return e == null ? null : e.getValue();
    }

    /**
     * @param indices  per timeline prefix, its latest index part (deleted ones included)
     * @param manifestEntries the latest manifest: offloaded id → ancestor id
     */
    public record Snapshot(TreeMap<String, IndexPart> indices, TreeMap<String, String> manifestEntries) {
        /** The manifest's offloaded ids. */
        public TreeSet<String> manifest() {
            return new TreeSet<>(manifestEntries.keySet());
        }

        public boolean exists(String id) {
            IndexPart i = indices.get(id);
            return i != null && !i.deleted();
        }
    }
}
