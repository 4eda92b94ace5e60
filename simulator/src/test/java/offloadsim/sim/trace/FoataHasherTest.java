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

    /** Two tasks block (writing 1 and 2), the clock advances and resumes both: they write {@code a} and {@code b}. */
    static long epochs(boolean swapBefore, boolean swapAfter, Footprint a, Footprint b) {
        FoataHasher h = new FoataHasher();
        if (swapBefore) {
            h.step(1, writes(2), false, 0);
            h.step(0, writes(1), false, 0);
        } else {
            h.step(0, writes(1), false, 0);
            h.step(1, writes(2), false, 0);
        }
        h.clockAdvanced();
        if (swapAfter) {
            h.step(1, b, true, 0);
            h.step(0, a, true, 0);
        } else {
            h.step(0, a, true, 0);
            h.step(1, b, true, 0);
        }
        return h.hash();
    }

    /**
     * The relation the search uses: a step the clock resumed comes after every step before the advance,
     * and is otherwise an ordinary step of its epoch (two steps one advance resumed commute unless their
     * footprints conflict).
     */
    @Test
    void aClockResumedStepFollowsTheWholePreviousEpochAndIsOrdinaryInItsOwn() {
        long base = epochs(false, false, writes(3), writes(4));
        assertEquals(base, epochs(true, false, writes(3), writes(4)), "the steps before the advance commute");
        assertEquals(base, epochs(false, true, writes(3), writes(4)), "independent steps the same advance resumed commute");
        assertNotEquals(epochs(false, false, writes(5), reads(5)), epochs(false, true, writes(5), reads(5)),
                "conflicting steps the same advance resumed do not");

        // task 1 takes three steps before the advance; task 0's resumed step shares nothing with them, yet
        // it sits above all of them: without the advance it would sit at level 2, with it at level 4
        FoataHasher timed = new FoataHasher();
        FoataHasher untimed = new FoataHasher();
        for (FoataHasher h : new FoataHasher[] {timed, untimed}) {
            h.step(0, writes(1), false, 0);
            for (int i = 0; i < 3; i++) h.step(1, writes(9), false, 0);
            if (h == timed) h.clockAdvanced();
            h.step(0, writes(3), h == timed, 0);
        }
        assertNotEquals(timed.hash(), untimed.hash(), "the resumed step is ordered after the whole previous epoch");
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
