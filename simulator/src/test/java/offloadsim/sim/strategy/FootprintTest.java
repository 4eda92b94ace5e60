package offloadsim.sim.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A footprint is two insertion-ordered sets whatever its size: small ones scan, large ones also index. */
class FootprintTest {

    private static int[] toArray(Set<Integer> s) {
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void behavesAsTwoOrderedSetsAcrossTheIndexThresholdAndAfterClear() {
        SplittableRandom r = new SplittableRandom(7);
        Footprint a = new Footprint();
        Footprint b = new Footprint();
        for (int round = 0; round < 400; round++) {
            // sizes from a few to a few hundred, over a value range that makes duplicates and conflicts common
            int n = 1 + r.nextInt(round % 4 == 0 ? 300 : 20);
            int range = 1 + r.nextInt(2 * n + 1);
            Set<Integer> ar = new LinkedHashSet<>(), aw = new LinkedHashSet<>(), br = new LinkedHashSet<>(), bw = new LinkedHashSet<>();
            a.clear();
            b.clear();
            for (int i = 0; i < n; i++) {
                int v = r.nextInt(range) - range / 4; // negative ids too (named objects)
                switch (r.nextInt(4)) {
                    case 0 -> { a.read(v); ar.add(v); }
                    case 1 -> { a.write(v); aw.add(v); }
                    case 2 -> { b.read(v); br.add(v); }
                    default -> { b.write(v); bw.add(v); }
                }
            }
            assertArrayEquals(toArray(ar), a.reads(), "round " + round);
            assertArrayEquals(toArray(aw), a.writes(), "round " + round);
            assertArrayEquals(toArray(br), b.reads(), "round " + round);
            assertArrayEquals(toArray(bw), b.writes(), "round " + round);
            boolean conflict = aw.stream().anyMatch(w -> bw.contains(w) || br.contains(w)) || bw.stream().anyMatch(ar::contains);
            assertEquals(conflict, a.conflictsWith(b), "round " + round);
            assertEquals(conflict, b.conflictsWith(a), "round " + round);
            for (int v = -range; v <= range; v++) assertEquals(ar.contains(v), a.readsObject(v), "round " + round + " object " + v);
        }
    }
}
