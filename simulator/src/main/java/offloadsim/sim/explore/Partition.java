package offloadsim.sim.explore;

import java.util.ArrayList;
import java.util.List;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.strategy.Exhaustive;
import offloadsim.sim.trace.Schedule;

/**
 * Splits a systematic search into disjoint parts by decision prefixes. Every run's decisions (task picks
 * where more than one task could run, and random draws) begin with exactly one of the prefixes: all
 * decision sequences up to the k-th task pick, and the whole decision sequence of a run that ends sooner.
 * So the parts are disjoint and their union is the whole tree. A part is searched below its prefix with
 * the prefix's nodes frozen (no reduction across parts: two parts may hold equivalent runs, never the
 * same run), and the search counts as complete only if every part completed.
 *
 * <p>k is the smallest depth that gives at least {@link #PER_PART} prefixes per part (so that parts of
 * uneven size even out when dealt round-robin), unless the tree is smaller. The enumeration is
 * deterministic, so every process computes the same prefixes and takes its share without talking to the
 * others (a CI matrix, a Kubernetes Indexed Job, or local threads).
 */
public final class Partition {

    /** Prefixes aimed at per part. */
    public static final int PER_PART = 8;
    /** Give up deepening past this many prefixes. */
    static final int MAX_PREFIXES = 20_000;

    private Partition() {}

    /**
     * @param prefixes the decision prefixes, in a fixed order
     * @param depth    task picks per prefix (shorter ones are whole runs)
     */
    public record Prefixes(List<List<Schedule.Decision>> prefixes, int depth) {
        /** The prefixes of part {@code index} of {@code parts}: every parts-th one, starting at index. */
        public List<List<Schedule.Decision>> part(int index, int parts) {
            if (parts < 1 || index < 0 || index >= parts) throw new IllegalArgumentException("need 0 <= i < n, got " + index + "/" + parts);
            List<List<Schedule.Decision>> out = new ArrayList<>();
            for (int i = index; i < prefixes.size(); i += parts) out.add(prefixes.get(i));
            return out;
        }
    }

    /** The prefixes for a split into {@code parts} parts. */
    public static Prefixes prefixes(Program program, RunOptions options, int parts) {
        Prefixes best = null;
        for (int k = 1; ; k++) {
            Exhaustive enumerate = new Exhaustive(-1, Exhaustive.Reduction.NONE, List.of(), k);
            List<List<Schedule.Decision>> found = new ArrayList<>();
            long n = 0;
            boolean tooMany = false;
            while (enumerate.beginExecution(n)) {
                RunResult r = DetSim.run(program, enumerate, n++, options);
                found.add(r.schedule().decisions());
                if (found.size() > MAX_PREFIXES) {
                    tooMany = true;
                    break;
                }
            }
            if (tooMany) return best != null ? best : new Prefixes(List.of(List.of()), 0);
            best = new Prefixes(List.copyOf(found), k);
            if (found.size() >= (long) parts * PER_PART || enumerate.prunedAtLimit() == 0) return best;
        }
    }
}
