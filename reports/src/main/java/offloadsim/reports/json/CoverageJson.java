package offloadsim.reports.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import offloadsim.model.points.PointFigures;

/**
 * The coverage figures of an exploration or a matrix cell in the model's declared scheduling points (see
 * README "Coverage figures"). Every list is sorted.
 *
 * @param pointsDeclared points a run of this variant can be suspended at
 * @param pointsReached  how many of them some task was suspended at (a failpoint: passed)
 * @param pairCount      how many ordered pairs of points a context switch interleaved
 * @param reached        each reached point with how many times, over all executions
 * @param unreached      declared points never reached
 * @param unreachedInEnteredFunctions the unreached points of Rust functions where another point was reached
 * @param pairs          the interleaved pairs: {@code from} where the switched-away task stood, {@code to} where
 *                       the task switched to resumed
 * @param undeclared     labels no registry declares (empty unless a registry is out of date)
 */
public record CoverageJson(int pointsDeclared, int pointsReached, int pairCount, Map<String, Long> reached, List<String> unreached,
                           List<String> unreachedInEnteredFunctions, List<Pair> pairs, List<String> undeclared) {

    /** An interleaved pair: a task stood suspended at {@code from} while another ran on from {@code to}. */
    public record Pair(String from, String to) {}

    public static CoverageJson of(PointFigures f) {
        List<Pair> pairs = new ArrayList<>();
        for (var s : f.pairs()) pairs.add(new Pair(s.from(), s.to()));
        return new CoverageJson(f.declared(), f.reached().size(), pairs.size(), new TreeMap<>(f.reached()), List.copyOf(f.unreached()),
                List.copyOf(f.unreachedInEnteredFunctions()), pairs, List.copyOf(f.undeclared()));
    }

    /** "points 23/40, pairs 41" (the terminal table's column). */
    public String summary() {
        return "points " + pointsReached + "/" + pointsDeclared + ", pairs " + pairCount;
    }

    /**
     * Two results of one scenario and variant together (shards of one sweep): hits add up, pairs unite, a point
     * is unreached if neither reached it.
     */
    public static CoverageJson merge(CoverageJson a, CoverageJson b) {
        if (a == null) return b;
        if (b == null) return a;
        TreeMap<String, Long> reached = new TreeMap<>(a.reached);
        b.reached.forEach((k, n) -> reached.merge(k, n, Long::sum));
        TreeSet<String> all = new TreeSet<>(reached.keySet());
        all.addAll(a.unreached);
        all.addAll(b.unreached);
        TreeSet<String> unreached = new TreeSet<>(all);
        unreached.removeAll(reached.keySet());
        TreeSet<String> entered = new TreeSet<>();
        for (String p : reached.keySet()) entered.add(functionOf(p));
        List<String> gaps = unreached.stream().filter(p -> entered.contains(functionOf(p))).toList();
        TreeMap<String, Pair> pairs = new TreeMap<>();
        for (Pair p : a.pairs) pairs.put(p.from + "\u0000" + p.to, p);
        for (Pair p : b.pairs) pairs.put(p.from + "\u0000" + p.to, p);
        TreeSet<String> undeclared = new TreeSet<>(a.undeclared);
        undeclared.addAll(b.undeclared);
        return new CoverageJson(all.size(), reached.size(), pairs.size(), reached, List.copyOf(unreached), gaps, List.copyOf(pairs.values()),
                List.copyOf(undeclared));
    }

    private static String functionOf(String point) {
        return PointFigures.functionOf(point);
    }
}
