package offloadsim.sim.trace;

import java.util.Arrays;
import offloadsim.sim.strategy.Footprint;

/**
 * Identifies a run's Mazurkiewicz trace: two runs that differ only in the order of independent steps get
 * the same hash. Each step is placed at its Foata level (one more than the highest level of the steps it
 * depends on: the previous step of its task, and the conflicting accesses to the objects it touches —
 * a read follows the writes and updates before it, an update the writes and reads, a write all three), and
 * the hash is an order-insensitive sum over (level, task, n-th step of the task, data drawn). Equivalent
 * runs have the same dependency graph, hence the same levels; so the count of distinct hashes over an
 * exploration is the number of distinct Mazurkiewicz traces it covered. A step virtual time resumed also
 * depends on every step before the advance (see {@link offloadsim.sim.strategy.Dpor}: the same relation).
 */
public final class FoataHasher {
    /**
     * Object ids are sparse (the runtime numbers them creator &lt;&lt; 20 | n-th): each gets a dense slot, found
     * through a table per creator (slot + 1, 0 = none yet) so the per-step path does not box; named
     * (negative) ids go through an open-addressing table of (id, slot + 1). Looked up only, never iterated.
     */
    private int[][] byCreator = new int[8][];
    private int[] namedIds = new int[16];
    private int[] namedSlots = new int[16];
    private int namedCount;
    /** The slots of the step's reads, writes and updates, found once per step. */
    private int[] readSlots = new int[8];
    private int[] writeSlots = new int[8];
    private int[] updateSlots = new int[4];
    private int slots;
    private int[] lastWrite = new int[64];
    private int[] readsSinceWrite = new int[64];
    /** The highest level of an update since the last write (updates commute with each other, not with reads). */
    private int[] updatesSinceWrite = new int[64];
    private int[] taskLevel = new int[8];
    private int[] taskSteps = new int[8];
    private int maxLevel;
    /** The highest level when virtual time last advanced. */
    private int clockLevel;
    private long sum;

    /** Virtual time advanced: that happens only once no task could run, so after every step so far. */
    public void clockAdvanced() {
        clockLevel = maxLevel;
    }

    /**
     * @param barrier the step resumed because virtual time advanced: it comes after every step before
     *                the advance (not after the other steps the same advance woke)
     * @param data    a hash of the values the step drew
     */
    public void step(int task, Footprint fp, boolean barrier, long data) {
        ensureTask(task);
        int level = taskLevel[task];
        if (barrier) level = Math.max(level, clockLevel);
        int nr = fp.readCount(), nw = fp.writeCount(), nu = fp.updateCount();
        if (nr > readSlots.length) readSlots = new int[Math.max(nr, readSlots.length * 2)];
        if (nw > writeSlots.length) writeSlots = new int[Math.max(nw, writeSlots.length * 2)];
        if (nu > updateSlots.length) updateSlots = new int[Math.max(nu, updateSlots.length * 2)];
        for (int i = 0; i < nr; i++) readSlots[i] = slot(fp.readAt(i)); // all slots first: slot() may grow the arrays
        for (int i = 0; i < nw; i++) writeSlots[i] = slot(fp.writeAt(i));
        for (int i = 0; i < nu; i++) updateSlots[i] = slot(fp.updateAt(i));
        for (int i = 0; i < nr; i++) {
            int o = readSlots[i];
            level = Math.max(level, Math.max(lastWrite[o], updatesSinceWrite[o]));
        }
        for (int i = 0; i < nu; i++) {
            int o = updateSlots[i];
            level = Math.max(level, Math.max(lastWrite[o], readsSinceWrite[o]));
        }
        for (int i = 0; i < nw; i++) {
            int o = writeSlots[i];
            level = Math.max(level, Math.max(lastWrite[o], Math.max(readsSinceWrite[o], updatesSinceWrite[o])));
        }
        level++;
        for (int i = 0; i < nr; i++) {
            int o = readSlots[i];
            readsSinceWrite[o] = Math.max(readsSinceWrite[o], level);
        }
        for (int i = 0; i < nu; i++) {
            int o = updateSlots[i];
            updatesSinceWrite[o] = Math.max(updatesSinceWrite[o], level);
        }
        for (int i = 0; i < nw; i++) {
            int o = writeSlots[i];
            lastWrite[o] = level;
            readsSinceWrite[o] = 0;
            updatesSinceWrite[o] = 0;
        }
        taskLevel[task] = level;
        int nth = taskSteps[task]++;
        maxLevel = Math.max(maxLevel, level);
        sum += mix(((long) level << 32) ^ ((long) task << 20) ^ nth, data);
    }

    public long hash() {
        return sum;
    }

    private int slot(int object) {
        if (object < 0) return namedSlot(object);
        int creator = object >>> 20;
        int nth = object & 0xFFFFF;
        if (creator >= byCreator.length) byCreator = Arrays.copyOf(byCreator, Math.max(creator + 1, byCreator.length * 2));
        int[] table = byCreator[creator];
        if (table == null || nth >= table.length)
            table = byCreator[creator] = Arrays.copyOf(table == null ? new int[0] : table, Math.max(nth + 1, Math.max(16, table == null ? 0 : table.length * 2)));
        if (table[nth] != 0) return table[nth] - 1;
        table[nth] = slots + 1;
        return newSlot();
    }

    /** The slot of a named (negative) id, by linear probing over a table kept at most half full. */
    private int namedSlot(int object) {
        int mask = namedIds.length - 1;
        int i = (object * 0x9E3779B9) >>> 16 & mask;
        while (namedSlots[i] != 0) {
            if (namedIds[i] == object) return namedSlots[i] - 1;
            i = (i + 1) & mask;
        }
        namedIds[i] = object;
        namedSlots[i] = slots + 1;
        if (2 * ++namedCount > namedIds.length) growNamed();
        return newSlot();
    }

    private void growNamed() {
        int[] ids = namedIds, ss = namedSlots;
        namedIds = new int[ids.length * 2];
        namedSlots = new int[ids.length * 2];
        int mask = namedIds.length - 1;
        for (int j = 0; j < ids.length; j++) {
            if (ss[j] == 0) continue;
            int i = (ids[j] * 0x9E3779B9) >>> 16 & mask;
            while (namedSlots[i] != 0) i = (i + 1) & mask;
            namedIds[i] = ids[j];
            namedSlots[i] = ss[j];
        }
    }

    private int newSlot() {
        int n = slots++;
        if (n >= lastWrite.length) {
            lastWrite = Arrays.copyOf(lastWrite, n * 2);
            readsSinceWrite = Arrays.copyOf(readsSinceWrite, n * 2);
            updatesSinceWrite = Arrays.copyOf(updatesSinceWrite, n * 2);
        }
        return n;
    }

    private void ensureTask(int task) {
        if (task >= taskLevel.length) {
            int n = Math.max(task + 1, taskLevel.length * 2);
            taskLevel = Arrays.copyOf(taskLevel, n);
            taskSteps = Arrays.copyOf(taskSteps, n);
        }
    }

    /** SplitMix64's finaliser over the event, so the sum does not cancel structured values. */
    private static long mix(long event, long data) {
        long z = event * 0x9E3779B97F4A7C15L + data;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
