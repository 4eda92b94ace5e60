package offloadsim.sim.trace;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
     * (negative) ids go through a map. Looked up only, never iterated.
     */
    private int[][] byCreator = new int[8][];
    private final Map<Integer, Integer> named = new HashMap<>();
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
        for (int i = 0; i < fp.readCount(); i++) {
            int o = slot(fp.readAt(i)); // before indexing: slot() may grow the arrays
            level = Math.max(level, Math.max(lastWrite[o], updatesSinceWrite[o]));
        }
        for (int i = 0; i < fp.updateCount(); i++) {
            int o = slot(fp.updateAt(i));
            level = Math.max(level, Math.max(lastWrite[o], readsSinceWrite[o]));
        }
        for (int i = 0; i < fp.writeCount(); i++) {
            int o = slot(fp.writeAt(i));
            level = Math.max(level, Math.max(lastWrite[o], Math.max(readsSinceWrite[o], updatesSinceWrite[o])));
        }
        level++;
        for (int i = 0; i < fp.readCount(); i++) {
            int o = slot(fp.readAt(i));
            readsSinceWrite[o] = Math.max(readsSinceWrite[o], level);
        }
        for (int i = 0; i < fp.updateCount(); i++) {
            int o = slot(fp.updateAt(i));
            updatesSinceWrite[o] = Math.max(updatesSinceWrite[o], level);
        }
        for (int i = 0; i < fp.writeCount(); i++) {
            int o = slot(fp.writeAt(i));
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
        if (object < 0) {
            Integer s = named.get(object);
            if (s != null) return s;
            named.put(object, slots);
            return newSlot();
        }
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
