package offloadsim.model.remote;

import java.util.TreeMap;
import java.util.TreeSet;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimMutex;

/**
 * Simulated S3: index parts per timeline and the tenant manifest (ids of offloaded timelines). It
 * outlives tenant instances, so attach after a restart sees exactly what was persisted. Every access
 * holds its mutex, which makes remote I/O visible to the scheduler's independence analysis.
 */
public final class RemoteStorage {
    private final SimMutex lock;
    private final TreeMap<String, IndexPart> indices = new TreeMap<>();
    private TreeSet<String> manifest = new TreeSet<>();

    public RemoteStorage(Sim sim) {
        this.lock = sim.mutex("remote_storage", false);
    }

    /** Set-up only (no task running): seeds the remote state. */
    public void seed(IndexPart index, boolean inManifest) {
        indices.put(index.timelineId(), index);
        if (inManifest) manifest.add(index.timelineId());
    }

    public IndexPart download(String id) {
        try (var g = lock.lock()) {
            return indices.get(id);
        }
    }

    public void upload(IndexPart index) {
        try (var g = lock.lock()) {
            IndexPart cur = indices.get(index.timelineId());
            if (cur != null && cur.deleted()) return; // a deleted index is never resurrected by a stale upload
            indices.put(index.timelineId(), index);
        }
    }

    public void markDeleted(String id) {
        try (var g = lock.lock()) {
            IndexPart cur = indices.get(id);
            if (cur != null) indices.put(id, cur.withDeleted());
        }
    }

    public void deleteAll(String id) {
        try (var g = lock.lock()) {
            indices.remove(id);
        }
    }

    public void uploadManifest(TreeSet<String> offloaded) {
        try (var g = lock.lock()) {
            manifest = new TreeSet<>(offloaded);
        }
    }

    /** A consistent copy for attach: (indices, manifest). */
    public Snapshot snapshot() {
        try (var g = lock.lock()) {
            return new Snapshot(new TreeMap<>(indices), new TreeSet<>(manifest));
        }
    }

    /** Between-steps view for oracles (no lock, no footprint). */
    public Snapshot peek() {
        return new Snapshot(new TreeMap<>(indices), new TreeSet<>(manifest));
    }

    public record Snapshot(TreeMap<String, IndexPart> indices, TreeSet<String> manifest) {
        public boolean exists(String id) {
            IndexPart i = indices.get(id);
            return i != null && !i.deleted();
        }
    }
}
