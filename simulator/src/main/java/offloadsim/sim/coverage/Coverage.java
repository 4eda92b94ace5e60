package offloadsim.sim.coverage;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which scheduling points an exploration reached and which it interleaved, by raw label (the runtime knows
 * no model: mapping labels to declared points is the caller's job). Sorted, so it renders the same in every run.
 *
 * @param points      label → how many times a task was suspended there (or, for a failpoint, reached it),
 *                    summed over the exploration's executions
 * @param switches    every context switch seen: the point the task switched away from stood at, and the point
 *                    the task switched to resumed from (see {@link CoverageRecorder})
 */
public record Coverage(SortedMap<String, Long> points, SortedSet<Switch> switches) {

    public static final Coverage EMPTY = new Coverage(Collections.emptySortedMap(), Collections.emptySortedSet());

    public Coverage {
        points = Collections.unmodifiableSortedMap(new TreeMap<>(points));
        switches = Collections.unmodifiableSortedSet(new TreeSet<>(switches));
    }

    /**
     * A context switch from a task suspended at {@code from} to another task resuming from {@code to}: the code
     * after {@code to} ran while the first task stood at {@code from}.
     */
    public record Switch(String from, String to) implements Comparable<Switch> {
        @Override
        public int compareTo(Switch o) {
            int c = from.compareTo(o.from);
            return c != 0 ? c : to.compareTo(o.to);
        }

        @Override
        public String toString() {
            return from + " ⇢ " + to;
        }
    }

    /** Both coverages together (parts of one split exploration, shards of one sweep). */
    public Coverage union(Coverage o) {
        TreeMap<String, Long> p = new TreeMap<>(points);
        o.points.forEach((k, n) -> p.merge(k, n, Long::sum));
        TreeSet<Switch> s = new TreeSet<>(switches);
        s.addAll(o.switches);
        return new Coverage(p, s);
    }
}
