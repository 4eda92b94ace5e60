package offloadsim.sim.explore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import offloadsim.sim.trace.TraceEntry;

/**
 * The identity of a race, as opposed to the run that showed it: the oracle, what it saw with every id
 * scrubbed out, and the functions in which the (shrunk) run's preemptions caught a task — the part of
 * each yield label before its '/', i.e. the Rust function whose await point the task was paused at
 * while another task ran. Seeds, schedules, step numbers and ids are not part of it, so the same race
 * found from different seeds or strategies gets the same fingerprint once each run is shrunk, and two
 * races that differ in where they interleave get different ones.
 *
 * <p>Functions rather than whole labels, and a sorted set rather than a sequence: a race's window often
 * spans several await points of one function, and independent preemptions of a shrunk run come in either
 * order; measured over archival-chaos, whole labels split one race into many fingerprints (README). The
 * full pairs stay in {@link #preemptions()} for the reader. A task's start and the end of a run are not
 * functions and are left out. {@code scrub} removes the program's ids (timeline names, generations,
 * numbers) from messages, labels and task names; the engine knows no ids of its own.
 *
 * @param shape       the canonical text the id is hashed from: {@code oracle | message | f1, f2}
 * @param id          12 hex digits of its SHA-256
 * @param preemptions "task@paused-label > task@resumed-label" of every preemption (not hashed)
 */
public record Fingerprint(String shape, String id, List<String> preemptions) {

    /** The fingerprint of {@code run}, best computed on a shrunk run recorded at full trace level. */
    public static Fingerprint of(RunResult run, UnaryOperator<String> scrub) {
        Outcome o = run.outcome();
        if (!o.isFailure()) throw new IllegalArgumentException("only a failing run has a fingerprint: " + o.summary());
        List<String> pairs = preemptions(run, scrub);
        TreeSet<String> functions = new TreeSet<>();
        for (String p : pairs) {
            String paused = p.substring(p.indexOf('@') + 1, p.indexOf(" > "));
            if (paused.equals("start") || paused.equals("(end of run)")) continue;
            int slash = paused.indexOf('/');
            functions.add(slash < 0 ? paused : paused.substring(0, slash));
        }
        String shape = o.oracle() + " | " + scrub.apply(o.message()) + " | " + String.join(", ", functions);
        return new Fingerprint(shape, hash(shape), pairs);
    }

    /** The oracle part of a shape. */
    public static String oracleOf(String shape) {
        return shape.split(" \\| ", 3)[0];
    }

    /** The scrubbed message part of a shape. */
    public static String messageOf(String shape) {
        String[] p = shape.split(" \\| ", 3);
        return p.length > 1 ? p[1] : "";
    }

    /** The functions part of a shape. */
    public static List<String> functionsOf(String shape) {
        String[] p = shape.split(" \\| ", 3);
        return p.length < 3 || p[2].isBlank() ? List.of() : List.of(p[2].split(", "));
    }

    /** "task@paused-label > task@resumed-label" of every preemption, scrubbed, deduplicated and sorted. */
    static List<String> preemptions(RunResult run, UnaryOperator<String> scrub) {
        List<TraceEntry.Step> steps = new ArrayList<>();
        for (TraceEntry e : run.trace().entries()) if (e instanceof TraceEntry.Step s) steps.add(s);
        TreeSet<String> out = new TreeSet<>();
        for (int i = 1; i < steps.size(); i++) {
            TraceEntry.Step s = steps.get(i);
            if (!s.preemption()) continue;
            TraceEntry.Step preempted = steps.get(i - 1);
            // a step's label is where its task resumed from, so the preempted task was paused at the label of its next step
            String paused = "(end of run)";
            for (int j = i + 1; j < steps.size(); j++) {
                if (steps.get(j).taskId() == preempted.taskId()) {
                    paused = steps.get(j).label();
                    break;
                }
            }
            out.add(scrub.apply(preempted.task() + "@" + paused) + " > " + scrub.apply(s.task() + "@" + s.label()));
        }
        return new ArrayList<>(out);
    }

    private static String hash(String shape) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(shape.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
