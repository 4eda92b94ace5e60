package offloadsim.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import offloadsim.sim.trace.Trace;
import offloadsim.sim.trace.TraceEntry;

/**
 * A FULL trace cut into segments: maximal runs of consecutive steps of one task, each with the yield
 * labels it ran from and the events that matter to a reader (state changes, op results, arbiter and
 * queue decisions). Swimlanes draw segments; stories number them.
 */
public final class Segments {

    private static final Set<String> SHOWN = Set.of("state", "op", "arbiter", "queue", "offload", "unoffload", "branch", "delete",
            "manifest", "failpoint", "cancel", "outcome");

    /** One run of a task. */
    public record Segment(String task, List<String> labels, List<String> events) {}

    private Segments() {}

    public static List<Segment> of(Trace trace) {
        List<Segment> out = new ArrayList<>();
        String task = null;
        List<String> labels = null;
        List<String> events = null;
        for (TraceEntry e : trace.entries()) {
            if (e instanceof TraceEntry.Step s) {
                if (!s.task().equals(task)) {
                    if (task != null) out.add(new Segment(task, labels, events));
                    task = s.task();
                    labels = new ArrayList<>();
                    events = new ArrayList<>();
                }
                labels.add(s.label());
            } else if (e instanceof TraceEntry.Event ev && SHOWN.contains(ev.kind())) {
                if (events == null) continue; // set-up events before the first step
                events.add(ev.kind() + ": " + ev.detail());
            }
        }
        if (task != null) out.add(new Segment(task, labels, events));
        return out;
    }

    /**
     * The numbered story: one line per segment (a run of one task), with the Rust await/pause points it
     * passed and what it changed. Quiet segments stay in: they are where a task passed a check.
     */
    public static List<String> story(List<Segment> segments) {
        return story(segments, label -> null);
    }

    /**
     * The story with each segment's first and last point followed by where its Rust function is, e.g.
     * {@code offload_timeline/shutdown_if_archived (offload.rs:35-125)}; {@code cite} answers null where it
     * does not know.
     */
    public static List<String> story(List<Segment> segments, Function<String, String> cite) {
        List<String> lines = new ArrayList<>();
        int n = 1;
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            List<String> ev = s.events().stream().filter(x -> !x.startsWith("outcome")).toList();
            String where = cited(s.labels().getFirst(), cite) + (s.labels().size() > 1 ? " … " + cited(s.labels().getLast(), cite) : "");
            lines.add(n++ + ". [" + s.task() + "] " + where + (ev.isEmpty() ? "" : " — " + String.join("; ", ev)));
        }
        for (Segment s : segments) for (String e : s.events()) if (e.startsWith("outcome")) lines.add("⇒ " + e.substring("outcome: ".length()));
        return lines;
    }

    private static String cited(String label, Function<String, String> cite) {
        String at = cite.apply(label);
        return at == null ? label : label + " (" + at + ")";
    }
}
