package offloadsim.model.points;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scheduling point as the source declares it.
 *
 * @param kind       yield ({@code sim.yieldPoint}: an {@code .await}), preemption ({@code sim.preemptionPoint}),
 *                   wait (a labelled wait: latch, notify, sleep, gate close, or a helper that forwards its label
 *                   to one), lock (blocking on a mutex, {@code "lock " + name}), join (joining a spawned task,
 *                   {@code "join " + name}) or failpoint ({@code "failpoint " + name})
 * @param point      the label as written, each non-literal part shown as {@code {expression}}, e.g.
 *                   {@code compact_level0 {timeline.id}}; a run's label matches it with any text in those places
 * @param declaredIn where the source declares it: {@code class#method}
 */
public record DeclaredPoint(String kind, String point, String declaredIn) implements Comparable<DeclaredPoint> {

    public static final List<String> KINDS = List.of("yield", "preemption", "wait", "lock", "join", "failpoint");
    private static final Pattern HOLE = Pattern.compile("\\{[^{}]*}");

    public DeclaredPoint {
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("unknown point kind " + kind + " (one of " + KINDS + ")");
        if (point.isBlank()) throw new IllegalArgumentException("empty point name");
    }

    /** Whether the point has parts that differ from run to run (timeline ids, generations). */
    public boolean isPattern() {
        return HOLE.matcher(point).find();
    }

    /** Characters of literal text: the more, the more specific (a label matching two patterns takes the more specific). */
    public int literalLength() {
        return HOLE.matcher(point).replaceAll("").length();
    }

    /** The regular expression a run's label must match in full. */
    Pattern regex() {
        Matcher m = HOLE.matcher(point);
        int at = 0;
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(Pattern.quote(point.substring(at, m.start()))).append(".+");
            at = m.end();
        }
        return Pattern.compile(sb.append(Pattern.quote(point.substring(at))).toString(), Pattern.DOTALL);
    }

    /** The tab-separated line of the registry file. */
    public String line() {
        return kind + "\t" + point + "\t" + declaredIn;
    }

    @Override
    public int compareTo(DeclaredPoint o) {
        int c = point.compareTo(o.point);
        if (c == 0) c = kind.compareTo(o.kind);
        return c != 0 ? c : declaredIn.compareTo(o.declaredIn);
    }
}
