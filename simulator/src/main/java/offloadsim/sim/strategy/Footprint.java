package offloadsim.sim.strategy;

import java.util.Arrays;

/**
 * The shared objects one step read, wrote and updated, as object ids handed out by the runtime (mutexes,
 * shared variables, latches, notifies, tokens, failpoints, task lifecycles). Two steps of different tasks
 * conflict when they access one object and neither both only read it nor both only updated it.
 *
 * <p>An <em>update</em> is a change that commutes with every other update of the same object and whose
 * result the step does not look at (a counter bumped and never read back by the step): two updates in
 * either order leave the object in the same state and neither step sees a different value, so they are
 * independent; an update still conflicts with a read (the reader would see another value) and with a
 * write. A step that both reads and updates an object conflicts with the other updates through its read.
 *
 * <p>The runtime records accesses so that what a step does depends only on the values of the objects in
 * its footprint and on its task's own state (the read/write model under which a footprint-derived
 * dependency is the same in every interleaving of one Mazurkiewicz trace): an operation that looks at an
 * object and decides to change nothing records a read, never nothing.
 */
public final class Footprint {
    /** Past this many entries a side also keeps a hash index: a step that touches many objects stays linear. */
    private static final int INDEX_FROM = 8;

    private int[] reads = new int[4];
    private int[] writes = new int[4];
    private int[] updates = new int[2];
    private int nReads;
    private int nWrites;
    private int nUpdates;
    /** Open-addressing sets over the entries of each side once it outgrows a linear scan (null until then). */
    private IntSet readIndex;
    private IntSet writeIndex;

    public void read(int object) {
        if (nReads < INDEX_FROM ? contains(reads, nReads, object) : readIndex().contains(object)) return;
        if (nReads == reads.length) reads = Arrays.copyOf(reads, nReads * 2);
        reads[nReads++] = object;
        if (nReads > INDEX_FROM) readIndex.add(object);
    }

    public void write(int object) {
        if (nWrites < INDEX_FROM ? contains(writes, nWrites, object) : writeIndex().contains(object)) return;
        if (nWrites == writes.length) writes = Arrays.copyOf(writes, nWrites * 2);
        writes[nWrites++] = object;
        if (nWrites > INDEX_FROM) writeIndex.add(object);
    }

    /** The read index, built from the entries on first use past the threshold. */
    private IntSet readIndex() {
        if (readIndex == null) readIndex = new IntSet();
        if (readIndex.size == 0) for (int i = 0; i < nReads; i++) readIndex.add(reads[i]);
        return readIndex;
    }

    private IntSet writeIndex() {
        if (writeIndex == null) writeIndex = new IntSet();
        if (writeIndex.size == 0) for (int i = 0; i < nWrites; i++) writeIndex.add(writes[i]);
        return writeIndex;
    }

    /** A commuting update of {@code object} (see the class comment for when an access may be one). */
    public void update(int object) {
        if (!contains(updates, nUpdates, object)) {
            if (nUpdates == updates.length) updates = Arrays.copyOf(updates, Math.max(2, nUpdates * 2));
            updates[nUpdates++] = object;
        }
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) if (a[i] == v) return true;
        return false;
    }

    /** Whether side {@code a} (with its index, if built) holds {@code v}. */
    private static boolean has(int[] a, int n, IntSet index, int v) {
        return n > INDEX_FROM && index != null && index.size == n ? index.contains(v) : contains(a, n, v);
    }

    /** A set of ints by linear probing; only membership and insertion, for the index above. */
    private static final class IntSet {
        private int[] slots = new int[32];
        private boolean[] used = new boolean[32];
        int size;

        boolean contains(int v) {
            int mask = slots.length - 1;
            for (int i = mix(v) & mask; used[i]; i = (i + 1) & mask) if (slots[i] == v) return true;
            return false;
        }

        void add(int v) {
            if (2 * (size + 1) > slots.length) grow();
            int mask = slots.length - 1;
            int i = mix(v) & mask;
            while (used[i]) {
                if (slots[i] == v) return;
                i = (i + 1) & mask;
            }
            used[i] = true;
            slots[i] = v;
            size++;
        }

        private void grow() {
            int[] oldSlots = slots;
            boolean[] oldUsed = used;
            slots = new int[oldSlots.length * 2];
            used = new boolean[oldSlots.length * 2];
            size = 0;
            for (int i = 0; i < oldSlots.length; i++) if (oldUsed[i]) add(oldSlots[i]);
        }

        void clear() {
            if (size == 0) return;
            Arrays.fill(used, false);
            size = 0;
        }

        private static int mix(int v) {
            int h = v * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    public boolean conflictsWith(Footprint o) {
        for (int i = 0; i < nWrites; i++) {
            int w = writes[i];
            if (has(o.writes, o.nWrites, o.writeIndex, w) || has(o.reads, o.nReads, o.readIndex, w) || contains(o.updates, o.nUpdates, w)) return true;
        }
        for (int i = 0; i < o.nWrites; i++) {
            int w = o.writes[i];
            if (has(reads, nReads, readIndex, w) || contains(updates, nUpdates, w)) return true;
        }
        for (int i = 0; i < nUpdates; i++) if (has(o.reads, o.nReads, o.readIndex, updates[i])) return true;
        for (int i = 0; i < o.nUpdates; i++) if (has(reads, nReads, readIndex, o.updates[i])) return true;
        return false;
    }

    /** A new footprint holding everything {@code a} and {@code b} touched ({@code a} may be null). */
    public static Footprint union(Footprint a, Footprint b) {
        Footprint u = new Footprint();
        for (Footprint f : new Footprint[] {a, b}) {
            if (f == null) continue;
            for (int i = 0; i < f.nReads; i++) u.read(f.reads[i]);
            for (int i = 0; i < f.nWrites; i++) u.write(f.writes[i]);
            for (int i = 0; i < f.nUpdates; i++) u.update(f.updates[i]);
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

    public int updateCount() {
        return nUpdates;
    }

    public int updateAt(int i) {
        return updates[i];
    }

    public int[] reads() {
        return Arrays.copyOf(reads, nReads);
    }

    public int[] writes() {
        return Arrays.copyOf(writes, nWrites);
    }

    public int[] updates() {
        return Arrays.copyOf(updates, nUpdates);
    }

    /** Whether it read {@code object}. */
    public boolean readsObject(int object) {
        return has(reads, nReads, readIndex, object);
    }

    public void clear() {
        nReads = 0;
        nWrites = 0;
        nUpdates = 0;
        if (readIndex != null) readIndex.clear();
        if (writeIndex != null) writeIndex.clear();
    }

    public boolean isEmpty() {
        return nReads == 0 && nWrites == 0 && nUpdates == 0;
    }

    @Override
    public String toString() {
        return "R" + Arrays.toString(reads()) + " W" + Arrays.toString(writes()) + (nUpdates == 0 ? "" : " U" + Arrays.toString(updates()));
    }
}
