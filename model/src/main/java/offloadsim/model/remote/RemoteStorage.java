package offloadsim.model.remote;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimVar;

/**
 * Simulated S3: per timeline, one index part per generation (index_part.json-{generation}); per
 * generation, one tenant manifest (offloaded timeline id → its ancestor id). A tenant instance writes
 * under its own generation and reads the latest generation at or below it, as the Rust's
 * download_index_part and download_tenant_manifest do; so an older generation's late write never
 * overwrites a newer generation's object, but a newer reader that has not written yet still sees it.
 * It outlives tenant instances.
 *
 * <p><b>What the scheduler is told.</b> S3 has no lock: a request touches only the objects under its key.
 * Each access records that on a cell per timeline prefix (its index parts of every generation) and one for
 * the manifests: a download reads its prefix's cell, an upload or a delete writes it, a manifest upload
 * writes the manifest cell, and an attach's listing ({@link #snapshot}) reads every cell. Two requests on
 * different prefixes, or a manifest upload and an index request, change and read disjoint parts of the store,
 * so they leave the same store and return the same answers in either order: independent. (One mutex around
 * every access, as before, ordered every two of them: two timelines' upload tasks, or a manifest upload and
 * an index upload, were different traces for every order.) No per-step oracle reads the store ({@link #peek}
 * is for the end-of-run oracles and reports). Prefixes not seeded at set-up (children created during the run)
 * share one cell: coarser, never unsound. Each method is one step (no yield inside), and {@code synchronized}
 * only for the JVM binding, whose tasks are threads.
 */
public final class RemoteStorage {
    /** The generation the set-up state is written under (the first attach is generation 1). */
    public static final int SEED_GENERATION = 1;

    /** Per timeline seeded at set-up, the cell its index parts' requests record; and the cell of every other timeline. */
    private final TreeMap<String, SimVar<Integer>> indexCells = new TreeMap<>();
    private final SimVar<Integer> otherIndexCells;
    /** The cell every manifest request records. */
    private final SimVar<Integer> manifestCell;
    private final Sim sim;
    /** timeline id → generation → index part. */
    private final TreeMap<String, TreeMap<Integer, IndexPart>> indices = new TreeMap<>();
    /** generation → manifest (offloaded id → ancestor id, null for none). */
    private final TreeMap<Integer, TreeMap<String, String>> manifests = new TreeMap<>();
    /** Writes so far, and the between-steps view built after the last of them (oracles peek many times a step). */
    private int writes;
    private Snapshot peeked;
    private int peekedAt = -1;

    public RemoteStorage(Sim sim) {
        this.sim = sim;
        this.otherIndexCells = sim.var("remote_storage (other prefixes)", 0);
        this.manifestCell = sim.var("remote_storage tenant-manifest", 0);
    }

    /** Set-up only (no task running): seeds the remote state (and gives the timeline's prefix its own cell). */
    public synchronized void seed(IndexPart index, boolean inManifest) {
        writes++;
        indexCells.computeIfAbsent(index.timelineId(), k -> sim.var("remote_storage " + k, 0));
        indices.computeIfAbsent(index.timelineId(), k -> new TreeMap<>()).put(SEED_GENERATION, index);
        if (inManifest) manifests.computeIfAbsent(SEED_GENERATION, k -> new TreeMap<>()).put(index.timelineId(), index.ancestorId());
    }

    /** download_index_part: the index of the latest generation at or below {@code generation}, or null (NotFound). */
    public synchronized IndexPart download(String id, int generation) {
        indexCell(id).get();
        return latest(indices.get(id), generation);
    }

    /** The latest index of any generation (tests, and the model's own checks inside a step: a recorded read, unlike {@link #peek}). */
    public IndexPart download(String id) {
        return download(id, Integer.MAX_VALUE);
    }

    /** upload_index_part: writes index_part.json-{generation}. */
    public synchronized void upload(IndexPart index, int generation) {
        indexCell(index.timelineId()).update(n -> n + 1);
        writes++;
        indices.computeIfAbsent(index.timelineId(), k -> new TreeMap<>()).put(generation, index);
    }

    /** RemoteTimelineClient::delete_all: every object under the timeline's prefix, of every generation. */
    public synchronized void deleteAll(String id) {
        indexCell(id).update(n -> n + 1);
        writes++;
        indices.remove(id);
    }

    /** upload_tenant_manifest under {@code generation}. */
    public synchronized void uploadManifest(TreeMap<String, String> offloaded, int generation) {
        manifestCell.update(n -> n + 1);
        writes++;
        manifests.put(generation, new TreeMap<>(offloaded));
    }

    /** What attach at {@code generation} lists and downloads: every prefix's latest index, and the latest manifest. */
    public synchronized Snapshot snapshot(int generation) {
        for (SimVar<Integer> c : indexCells.values()) c.get();
        otherIndexCells.get();
        manifestCell.get();
        return view(generation);
    }

    private SimVar<Integer> indexCell(String id) {
        SimVar<Integer> c = indexCells.get(id);
        return c == null ? otherIndexCells : c;
    }

    /**
     * Between-steps view for oracles (no lock, no footprint): the latest generation of everything. The same
     * instance is handed out until the next write, so callers read it and never modify it.
     */
    public synchronized Snapshot peek() {
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
