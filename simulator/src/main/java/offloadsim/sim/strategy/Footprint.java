package offloadsim.sim.strategy;

import java.util.Arrays;

/**
 * The shared objects one step read and wrote, as object ids handed out by the runtime (mutexes, shared
 * variables, latches, notifies, tokens, failpoints, task lifecycles). Two steps of different tasks
 * conflict when one writes what the other reads or writes.
 */
public final class Footprint {
    private int[] reads = new int[4];
    private int[] writes = new int[4];
    private int nReads;
    private int nWrites;

    public void read(int object) {
        if (!contains(reads, nReads, object)) {
            if (nReads == reads.length) reads = Arrays.copyOf(reads, nReads * 2);
            reads[nReads++] = object;
        }
    }

    public void write(int object) {
        if (!contains(writes, nWrites, object)) {
            if (nWrites == writes.length) writes = Arrays.copyOf(writes, nWrites * 2);
            writes[nWrites++] = object;
        }
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) if (a[i] == v) return true;
        return false;
    }

    public boolean conflictsWith(Footprint o) {
        for (int i = 0; i < nWrites; i++) {
            int w = writes[i];
            if (contains(o.writes, o.nWrites, w) || contains(o.reads, o.nReads, w)) return true;
        }
        for (int i = 0; i < o.nWrites; i++) if (contains(reads, nReads, o.writes[i])) return true;
        return false;
    }

    /** A new footprint holding everything {@code a} and {@code b} touched ({@code a} may be null). */
    public static Footprint union(Footprint a, Footprint b) {
        Footprint u = new Footprint();
        for (Footprint f : new Footprint[] {a, b}) {
            if (f == null) continue;
            for (int i = 0; i < f.nReads; i++) u.read(f.reads[i]);
            for (int i = 0; i < f.nWrites; i++) u.write(f.writes[i]);
        }
        return u;
    }

    public int readCount() {
        return nReads;
    }

    public int readAt(int i) {
        return reads[i];
    }

    public int writeCount() {
        return nWrites;
    }

    public int writeAt(int i) {
        return writes[i];
    }

    public int[] reads() {
        return Arrays.copyOf(reads, nReads);
    }

    public int[] writes() {
        return Arrays.copyOf(writes, nWrites);
    }

    /** Whether it read {@code object}. */
    public boolean readsObject(int object) {
        return contains(reads, nReads, object);
    }

    public void clear() {
        nReads = 0;
        nWrites = 0;
    }

    public boolean isEmpty() {
        return nReads == 0 && nWrites == 0;
    }

    @Override
    public String toString() {
        return "R" + Arrays.toString(reads()) + " W" + Arrays.toString(writes());
    }
}
