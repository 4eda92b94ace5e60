package offloadsim.sim.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The record of one run. Two hashes are kept whatever the detail level: {@link #hash()} over every step
 * and event (the replay identity), {@link #interleavingHash()} over the steps alone (which task ran
 * from which label), used to count distinct interleavings, and {@link #mazurkiewiczHash()}, which
 * ignores the order of independent steps.
 */
public final class Trace {

    /** How much of the run to keep in memory. Hashes are computed at every level. */
    public enum Level { HASH_ONLY, FULL }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final Level level;
    private final List<TraceEntry> entries = new ArrayList<>();
    private long hash = FNV_OFFSET;
    private long interleaving = FNV_OFFSET;
    private final FoataHasher foata = new FoataHasher();

    public Trace(Level level) {
        this.level = level;
    }

    public void step(int index, int taskId, String task, String label, int choices, boolean preemption) {
        hash = mix(mix(mix(hash, 1), taskId), label.hashCode());
        interleaving = mix(mix(interleaving, taskId), label.hashCode());
        if (level == Level.FULL) entries.add(new TraceEntry.Step(index, taskId, task, label, choices, preemption));
    }

    /** What the step that just ran touched (see {@link FoataHasher#step}). */
    public void stepDone(int taskId, offloadsim.sim.strategy.Footprint footprint, boolean barrier, long data) {
        foata.step(taskId, footprint, barrier, data);
    }

    /** Virtual time advanced (see {@link FoataHasher#clockAdvanced}). */
    public void clockAdvanced() {
        foata.clockAdvanced();
    }

    public void event(int step, String task, String kind, String detail) {
        hash = mix(mix(mix(mix(hash, 2), task.hashCode()), kind.hashCode()), detail.hashCode());
        if (level == Level.FULL) entries.add(new TraceEntry.Event(step, task, kind, detail));
    }

    private static long mix(long h, int v) {
        for (int i = 0; i < 4; i++) {
            h ^= (v >>> (8 * i)) & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    public Level level() {
        return level;
    }

    public List<TraceEntry> entries() {
        return List.copyOf(entries);
    }

    /** The replay identity: equal for byte-identical runs. */
    public String hash() {
        return String.format("%016x", hash);
    }

    public long interleavingHash() {
        return interleaving;
    }

    /** Equal for runs that differ only in the order of independent steps (one Mazurkiewicz trace). */
    public long mazurkiewiczHash() {
        return foata.hash();
    }

    /** The whole trace as text, one entry a line (empty unless recorded at {@link Level#FULL}). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (TraceEntry e : entries) sb.append(e.line()).append('\n');
        return sb.toString();
    }
}
