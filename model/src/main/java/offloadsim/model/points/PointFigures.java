package offloadsim.model.points;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import offloadsim.model.Variant;
import offloadsim.sim.coverage.Coverage;

/**
 * What an exploration covered, in the model's declared points (a cell's "points 23/40, pairs 41").
 *
 * @param declared     how many points a run of this variant can be suspended at ({@link PointRegistry#universe})
 * @param reached      each declared point some task was suspended at (a failpoint: that the code passed),
 *                     with how many times over all executions
 * @param unreached    declared points of this variant never reached
 * @param unreachedInEnteredFunctions the unreached points of Rust functions in which some other point was
 *                     reached: the gaps inside code the cell did run (the rest belong to code it never calls)
 * @param pairs        ordered pairs (p ⇢ q) of declared points interleaved by a context switch: a task stood
 *                     suspended at p while the scheduler ran a different task on from q. One side may be a
 *                     point of the harness (a scenario task resuming from its wait for a paused failpoint runs
 *                     the operation it was waiting to start), named as the harness registry declares it
 * @param undeclared   labels the runs were suspended at that neither the model nor the harness declares (a
 *                     registry out of date with the code; empty when it is not)
 */
public record PointFigures(int declared, SortedMap<String, Long> reached, SortedSet<String> unreached,
                           SortedSet<String> unreachedInEnteredFunctions, SortedSet<Coverage.Switch> pairs, SortedSet<String> undeclared) {

    public PointFigures {
        reached = Collections.unmodifiableSortedMap(new TreeMap<>(reached));
        unreached = Collections.unmodifiableSortedSet(new TreeSet<>(unreached));
        unreachedInEnteredFunctions = Collections.unmodifiableSortedSet(new TreeSet<>(unreachedInEnteredFunctions));
        pairs = Collections.unmodifiableSortedSet(new TreeSet<>(pairs));
        undeclared = Collections.unmodifiableSortedSet(new TreeSet<>(undeclared));
    }

    /**
     * The figures of {@code coverage}, a run of {@code variant}: labels are mapped to the model's declared points;
     * labels of the harness's own tasks ({@code harness}) are left out; anything else is undeclared.
     */
    public static PointFigures of(Coverage coverage, PointRegistry model, PointRegistry harness, Variant variant, boolean preemptive) {
        TreeSet<String> universe = new TreeSet<>(model.universe(variant, preemptive));
        TreeMap<String, Long> reached = new TreeMap<>();
        TreeSet<String> undeclared = new TreeSet<>();
        TreeMap<String, String> pointOf = new TreeMap<>(), harnessOf = new TreeMap<>();
        for (var e : coverage.points().entrySet()) {
            DeclaredPoint p = model.match(e.getKey());
            if (p != null) {
                reached.merge(p.point(), e.getValue(), Long::sum);
                pointOf.put(e.getKey(), p.point());
                universe.add(p.point()); // reached although declared for another design: counted, never hidden
            } else {
                DeclaredPoint h = harness == null ? null : harness.match(e.getKey());
                if (h == null) undeclared.add(e.getKey());
                else harnessOf.put(e.getKey(), h.point());
            }
        }
        TreeSet<Coverage.Switch> pairs = new TreeSet<>();
        for (Coverage.Switch s : coverage.switches()) {
            String from = pointOf.get(s.from()), to = pointOf.get(s.to());
            // a switch between two harness tasks exercises nothing of the model
            if (from == null && to == null) continue;
            if (from == null) from = harnessOf.get(s.from());
            if (to == null) to = harnessOf.get(s.to());
            if (from != null && to != null) pairs.add(new Coverage.Switch(from, to));
        }
        TreeSet<String> unreached = new TreeSet<>(universe);
        unreached.removeAll(reached.keySet());
        TreeSet<String> entered = new TreeSet<>();
        for (String p : reached.keySet()) entered.add(functionOf(p));
        TreeSet<String> gaps = new TreeSet<>();
        for (String p : unreached) if (entered.contains(functionOf(p))) gaps.add(p);
        return new PointFigures(universe.size(), reached, unreached, gaps, pairs, undeclared);
    }

    /** The Rust function (or place) a point is in: its label up to the first {@code /}. */
    public static String functionOf(String point) {
        int slash = point.indexOf('/');
        return slash < 0 ? point : point.substring(0, slash);
    }

    /** The terminal table's column: "points 23/40, pairs 41". */
    public String summary() {
        return "points " + reached.size() + "/" + declared + ", pairs " + pairs.size();
    }
}
