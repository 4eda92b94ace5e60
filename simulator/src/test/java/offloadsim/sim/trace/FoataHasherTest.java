package offloadsim.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import offloadsim.sim.strategy.Footprint;
import org.junit.jupiter.api.Test;

class FoataHasherTest {

    static Footprint writes(int... objects) {
        Footprint f = new Footprint();
        for (int o : objects) f.write(o);
        return f;
    }

    static Footprint reads(int... objects) {
        Footprint f = new Footprint();
        for (int o : objects) f.read(o);
        return f;
    }

    @Test
    void independentStepsCommuteConflictingOnesDoNot() {
        FoataHasher ab = new FoataHasher();
        ab.step(0, writes(1), false, 0);
        ab.step(1, writes(2), false, 0);
        FoataHasher ba = new FoataHasher();
        ba.step(1, writes(2), false, 0);
        ba.step(0, writes(1), false, 0);
        assertEquals(ab.hash(), ba.hash(), "disjoint writes commute");

        FoataHasher wr = new FoataHasher();
        wr.step(0, writes(7), false, 0);
        wr.step(1, reads(7), false, 0);
        FoataHasher rw = new FoataHasher();
        rw.step(1, reads(7), false, 0);
        rw.step(0, writes(7), false, 0);
        assertNotEquals(wr.hash(), rw.hash(), "a write and a read of one object do not");

        FoataHasher rr1 = new FoataHasher();
        rr1.step(0, reads(7), false, 0);
        rr1.step(1, reads(7), false, 0);
        FoataHasher rr2 = new FoataHasher();
        rr2.step(1, reads(7), false, 0);
        rr2.step(0, reads(7), false, 0);
        assertEquals(rr1.hash(), rr2.hash(), "two reads commute");
    }

    static Footprint updates(int... objects) {
        Footprint f = new Footprint();
        for (int o : objects) f.update(o);
        return f;
    }

    /** The hash of steps run in the given order: {task, footprint} pairs. */
    static long hash(Object... steps) {
        FoataHasher h = new FoataHasher();
        for (int i = 0; i < steps.length; i += 2) h.step((Integer) steps[i], (Footprint) steps[i + 1], false, 0);
        return h.hash();
    }

    @Test
    void updatesCommuteWithEachOtherButNotWithReadsOrWrites() {
        assertEquals(hash(0, updates(7), 1, updates(7)), hash(1, updates(7), 0, updates(7)), "two updates commute");
        assertNotEquals(hash(0, updates(7), 1, reads(7)), hash(1, reads(7), 0, updates(7)), "an update and a read do not");
        assertNotEquals(hash(0, updates(7), 1, writes(7)), hash(1, writes(7), 0, updates(7)), "an update and a write do not");
        // a read after two updates follows both, whichever ran first; a third task's read before them precedes both
        assertEquals(hash(2, reads(7), 0, updates(7), 1, updates(7), 3, reads(7)), hash(2, reads(7), 1, updates(7), 0, updates(7), 3, reads(7)));
        assertNotEquals(hash(0, updates(7), 3, reads(7), 1, updates(7)), hash(0, updates(7), 1, updates(7), 3, reads(7)),
                "a read between two updates is another trace than a read after both");
        // a write after updates follows all of them; updates after the write follow it
        assertEquals(hash(0, updates(7), 1, updates(7), 2, writes(7), 0, updates(7)), hash(1, updates(7), 0, updates(7), 2, writes(7), 0, updates(7)));
        assertNotEquals(hash(0, updates(7), 2, writes(7), 1, updates(7)), hash(0, updates(7), 1, updates(7), 2, writes(7)));
    }

    @Test
    void footprintsConflictUnlessBothOnlyReadOrBothOnlyUpdate() {
        Footprint ru = reads(7);
        ru.update(7);
        assertEquals(false, reads(7).conflictsWith(reads(7)));
        assertEquals(false, updates(7).conflictsWith(updates(7)));
        assertEquals(true, updates(7).conflictsWith(reads(7)));
        assertEquals(true, reads(7).conflictsWith(updates(7)));
        assertEquals(true, updates(7).conflictsWith(writes(7)));
        assertEquals(true, writes(7).conflictsWith(updates(7)));
        assertEquals(true, ru.conflictsWith(updates(7)), "a step that reads what it updates sees the other's update");
        assertEquals(true, updates(7).conflictsWith(ru));
        assertEquals(false, updates(7).conflictsWith(updates(8)));
        assertEquals(true, Footprint.union(null, updates(7)).conflictsWith(reads(7)), "a union keeps the updates");
    }

    @Test
    void manySparseObjectsAndTasks() {
        FoataHasher h = new FoataHasher();
        for (int i = 0; i < 500; i++) h.step(i % 40, writes(i << 20 | i, Integer.MIN_VALUE | i), i % 7 == 0, i);
        FoataHasher again = new FoataHasher();
        for (int i = 0; i < 500; i++) again.step(i % 40, writes(i << 20 | i, Integer.MIN_VALUE | i), i % 7 == 0, i);
        assertEquals(h.hash(), again.hash());
    }
}
