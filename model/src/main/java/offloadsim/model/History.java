package offloadsim.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimVar;

/**
 * Every answer a user-visible operation gave, for the oracles (appended from many threads on the JVM binding).
 *
 * <p><b>What the scheduler is told, and why that is enough.</b> The oracles read the history at quiescence
 * only, and only through two views: the set of answers ({@link #results()} taken as a set: which timelines
 * were named, which deletes were acknowledged) and, per timeline, the sequence of its archive, unarchive and
 * delete answers with which of them overlapped ({@link #archival}: whose call the user's intent ends with).
 * So only the order of those three operations' invocations and answers on one timeline is observed:
 * <ul>
 *   <li>an archival answer on timeline t writes t's cell (it extends t's sequence: two answers on t, and an
 *       answer and an invocation on t, are ordered, since the answers' order and each call's overlap with the
 *       others are what the oracles read);</li>
 *   <li>an archival invocation on t reads t's cell (it notes how many answers on t came before it, which is
 *       all that overlap needs: two invocations commute, an invocation and an answer do not);</li>
 *   <li>any other answer only adds to the set, a change that commutes with every other such addition and that
 *       no step reads: a commuting update of a cell nothing but the end-of-run oracles looks at.</li>
 * </ul>
 * Every order the scheduler now treats as equivalent gives the same set and the same per-timeline sequences
 * with the same overlaps, so the oracles' verdicts, their messages and the final states are the same in each
 * (every answer used to write one cell, so every two answers and invocations were ordered). {@link #results()}
 * is in this run's completion order, which equivalent runs need not share: read it as a set, or read
 * {@link #archival} for an order. Timelines not known when the history is made (children branched during the
 * run) share one cell: coarser, never unsound.
 */
public final class History {
    private final List<OpResult> results = new ArrayList<>();
    /** Per timeline, its archive/unarchive/delete answers in answer order. */
    private final TreeMap<String, List<Answer>> archival = new TreeMap<>();
    /** Per timeline named at set-up, the cell its archival invocations read and its archival answers write. */
    private final TreeMap<String, SimVar<Integer>> cells = new TreeMap<>();
    /** The cell of every timeline not named at set-up. */
    private final SimVar<Integer> otherTimelines;
    /** The cell every other answer updates: nothing reads it during a run. */
    private final SimVar<Integer> others;

    /**
     * One archival answer: the answer, how many answers on its timeline preceded its invocation, and its own
     * position (1-based) among them.
     */
    public record Answer(OpResult result, int invokedAfter, int position) {}

    /** @param timelines the timelines that exist at set-up (each gets its own cell) */
    History(Sim sim, Collection<String> timelines) {
        for (String t : timelines) cells.put(t, sim.var("history " + t, 0));
        this.otherTimelines = sim.var("history (other timelines)", 0);
        this.others = sim.var("history (other answers)", 0);
    }

    /** Whether the answer is one of those whose order per timeline the oracles read. */
    static boolean isArchival(OpResult r) {
        return r.timeline() != null && isArchivalOp(r.op());
    }

    private static boolean isArchivalOp(String op) {
        return op.equals("archive") || op.equals("unarchive") || op.equals("delete");
    }

    private SimVar<Integer> cell(String timeline) {
        SimVar<Integer> c = cells.get(timeline);
        return c == null ? otherTimelines : c;
    }

    /**
     * An archive, unarchive or delete of {@code timeline} is invoked: returns how many archival answers on it
     * came before (pass it to {@link #record(OpResult, long)}).
     */
    synchronized long invoke(String timeline) {
        cell(timeline).get(); // the read that orders this invocation with the timeline's answers
        return archival.getOrDefault(timeline, List.of()).size();
    }

    void record(OpResult r) {
        record(r, -1);
    }

    /** @param invokedAfter from {@link #invoke(String)}, or -1 (then it counts as invoked when it answered) */
    synchronized void record(OpResult r, long invokedAfter) {
        results.add(r);
        if (!isArchival(r)) {
            others.commute(n -> n + 1);
            return;
        }
        cell(r.timeline()).update(n -> n + 1);
        List<Answer> mine = archival.computeIfAbsent(r.timeline(), k -> new ArrayList<>());
        int position = mine.size() + 1;
        mine.add(new Answer(r, invokedAfter < 0 ? position - 1 : (int) invokedAfter, position));
    }

    /** The timeline's archive/unarchive/delete answers, in the order they were given. */
    public synchronized List<Answer> archival(String timeline) {
        return List.copyOf(archival.getOrDefault(timeline, List.of()));
    }

    /** Whether two archival answers of one timeline were in flight together (neither answered before the other was invoked). */
    public static boolean overlap(Answer a, Answer b) {
        return a.invokedAfter() < b.position() && b.invokedAfter() < a.position();
    }

    /** Every answer, in this run's completion order (equivalent runs may order different timelines' answers differently). */
    public synchronized List<OpResult> results() {
        return List.copyOf(results);
    }

    /** The last acknowledged (Ok) archive/unarchive/delete of the timeline, or null. */
    public OpResult lastAcknowledged(String timeline) {
        List<Answer> mine = archival(timeline);
        for (int i = mine.size() - 1; i >= 0; i--) if (mine.get(i).result().ok()) return mine.get(i).result();
        return null;
    }
}
