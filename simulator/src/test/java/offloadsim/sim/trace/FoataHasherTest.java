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

    @Test
    void manySparseObjectsAndTasks() {
        FoataHasher h = new FoataHasher();
        for (int i = 0; i < 500; i++) h.step(i % 40, writes(i << 20 | i, Integer.MIN_VALUE | i), i % 7 == 0, i);
        FoataHasher again = new FoataHasher();
        for (int i = 0; i < 500; i++) again.step(i % 40, writes(i << 20 | i, Integer.MIN_VALUE | i), i % 7 == 0, i);
        assertEquals(h.hash(), again.hash());
    }
}
