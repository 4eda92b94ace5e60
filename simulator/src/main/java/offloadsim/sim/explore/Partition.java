package offloadsim.sim.explore;

import java.util.ArrayList;
import java.util.List;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.strategy.Exhaustive;
import offloadsim.sim.strategy.SleepingTask;
import offloadsim.sim.trace.Schedule;

/**
 * Splits a systematic search into disjoint parts by decision prefixes. Every run's decisions (task picks
 * where more than one task could run, and random draws) begin with exactly one of the prefixes: all
 * decision sequences up to the k-th task pick, and the whole decision sequence of a run that ends sooner.
 * So the parts are disjoint and their union is the whole tree. A part is searched below its prefix with
 * the prefix's nodes frozen (a part never explores another part's runs), and the search counts as complete
 * only if every part completed.
 *
 * <p><b>Sleep sets across prefixes</b> ({@link #prefixes(Program, RunOptions, int, boolean)} with
 * {@code sleepSets}): the prefixes are enumerated by a sleep-set search (Godefroid) cut at the k-th pick, so
 * a prefix also carries the tasks asleep where it ends — at every node it passes, the tasks of the siblings
 * enumerated before it whose step is independent of every step the prefix runs after that node — and a
 * prefix that would run a sleeping task is dropped. Its part's search starts with those sleepers. Why
 * nothing is lost: call a maximal trace from node N <i>allowed</i> if no task asleep at N can start it. A
 * part below prefix P with sleep set S explores every allowed trace from P (the reduced search's own
 * guarantee for a node with sleep set S). At a node N with sleep set S and children c_0, c_1, … in
 * enumeration order, an allowed trace T has some child as an initial (its first step belongs to a runnable
 * task); take the first, c_j. Then T = N.c_j.T', and no task of S' = {s in S or c_0..c_{j-1} : s's step is
 * independent of c_j's} can start T' — if one could, it commutes with c_j and could start T, contradicting
 * T allowed (s in S) or c_j first (s = c_i, i < j). So T is allowed at N.c_j, and by induction over the
 * prefix every trace from the root is explored in exactly one part (a trace that c_i can start is not
 * explored below c_j). Independence here is the footprint one, which is dpor's for a sleeper: a sleeper is
 * a runnable task, so no step enabled it and no clock advance comes before its step. A run that fails ends
 * at the failing step, which dpor takes as dependent with every task still runnable, so the argument holds
 * for failing runs' traces as well; a sibling whose enumerated subtree held a failing run gives no sleeper
 * all the same (as in {@link Exhaustive}), so the parts' traces are disjoint only when nothing fails.
 * Sleepers are not used under a preemption bound (the representative of a trace may need more preemptions
 * than its pruned twin: Coons et al., OOPSLA'13) nor when a per-step oracle reads objects through the
 * runtime during the enumeration (a reduction must then keep the order of the steps that write them, which
 * the footprint dependency does not see; an oracle that starts reading through the runtime only after the
 * prefixes' steps would escape this check — the model's oracles read plain fields or recorded findings);
 * those searches split without them, and two parts may then hold equivalent runs, never the same run.
 *
 * <p>k is the smallest depth that gives at least {@link #PER_PART} prefixes per part (so that parts of
 * uneven size even out when dealt round-robin), {@link #PER_PART_WITH_SLEEP_SETS} with sleep sets, unless
 * the tree is smaller. The enumeration is
 * deterministic, so every process computes the same prefixes and takes its share without talking to the
 * others (a CI matrix, a Kubernetes Indexed Job, or local threads).
 */
public final class Partition {

    /** Prefixes aimed at per part. */
    public static final int PER_PART = 8;
    /**
     * Prefixes aimed at per part with sleep sets: splitting deeper costs next to nothing there (a sibling
     * that can only repeat its elders' traces is dropped, or ends in one sleep-blocked run), and reduced
     * subtrees differ in size by orders of magnitude down a long chain of steps that commute, so the split
     * goes deep enough that no one prefix holds most of the search.
     */
    public static final int PER_PART_WITH_SLEEP_SETS = 128;
    /** Give up deepening past this many prefixes. */
    static final int MAX_PREFIXES = 20_000;

    private Partition() {}

    /**
     * One part's start: the decisions every run of it begins with, and the tasks asleep where they end.
     *
     * @param decisions task picks and draws
     * @param asleep    tasks whose step there is covered by another part (empty without sleep sets)
     */
    public record Prefix(List<Schedule.Decision> decisions, List<SleepingTask> asleep) {
        public Prefix {
            decisions = List.copyOf(decisions);
            asleep = List.copyOf(asleep);
        }
    }

    /**
     * @param prefixes the decision prefixes, in a fixed order
     * @param depth    task picks per prefix (shorter ones are whole runs)
     */
    public record Prefixes(List<Prefix> prefixes, int depth) {
        /** The prefixes of part {@code index} of {@code parts}: every parts-th one, starting at index. */
        public List<Prefix> part(int index, int parts) {
            if (parts < 1 || index < 0 || index >= parts) throw new IllegalArgumentException("need 0 <= i < n, got " + index + "/" + parts);
            List<Prefix> out = new ArrayList<>();
            for (int i = index; i < prefixes.size(); i += parts) out.add(prefixes.get(i));
            return out;
        }
    }

    /** The prefixes for a split into {@code parts} parts, without sleep sets: every run of the tree is in one part. */
    public static Prefixes prefixes(Program program, RunOptions options, int parts) {
        return prefixes(program, options, parts, false);
    }

    /**
     * The prefixes for a split into {@code parts} parts; with {@code sleepSets} (for an unbounded reduced
     * search) enumerated with sleep sets, unless a per-step oracle reads through the runtime.
     */
    public static Prefixes prefixes(Program program, RunOptions options, int parts, boolean sleepSets) {
        return prefixes(program, options, parts, sleepSets, sleepSets ? PER_PART_WITH_SLEEP_SETS : PER_PART);
    }

    /** The same with {@code perPart} prefixes aimed at per part. */
    static Prefixes prefixes(Program program, RunOptions options, int parts, boolean sleepSets, int perPart) {
        Prefixes best = null;
        for (int k = 1; ; k++) {
            Enumerated found = enumerate(program, options, k, sleepSets);
            if (found != null && found.oraclesObserved) {
                // the footprint dependency misses what the oracles watch: split as without sleep sets
                sleepSets = false;
                perPart = Math.min(perPart, PER_PART);
                found = enumerate(program, options, k, false);
            }
            if (found == null) return best != null ? best : new Prefixes(List.of(new Prefix(List.of(), List.of())), 0);
            best = new Prefixes(found.prefixes, k);
            if (found.prefixes.size() >= (long) parts * perPart || !found.cut) return best;
        }
    }

    private record Enumerated(List<Prefix> prefixes, boolean cut, boolean oraclesObserved) {}

    /** The prefixes of {@code k} picks, or null past {@link #MAX_PREFIXES}. */
    private static Enumerated enumerate(Program program, RunOptions options, int k, boolean sleepSets) {
        Exhaustive enumerate = new Exhaustive(-1, sleepSets ? Exhaustive.Reduction.SLEEP_SETS : Exhaustive.Reduction.NONE, List.of(), k);
        List<Prefix> found = new ArrayList<>();
        long n = 0;
        while (enumerate.beginExecution(n)) {
            long atLimit = enumerate.prunedAtLimit();
            RunResult r = DetSim.run(program, enumerate, n++, options);
            boolean cut = enumerate.prunedAtLimit() > atLimit;
            // a run every runnable task of which slept before the limit repeats traces of earlier prefixes
            if (!cut && r.outcome().kind() == Outcome.Kind.PRUNED) continue;
            found.add(new Prefix(r.schedule().decisions(), cut ? enumerate.asleepAtLimit() : List.of()));
            if (found.size() > MAX_PREFIXES) return null;
        }
        return new Enumerated(found, enumerate.prunedAtLimit() > 0, enumerate.oraclesObserved());
    }
}
