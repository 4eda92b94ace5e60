package offloadsim.model;

import java.util.ArrayList;
import java.util.List;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimVar;

/** Every answer a user-visible operation gave, in completion order, for the oracles (appended from many threads on the JVM binding). */
public final class History {
    private final List<OpResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Per result: {invoked, completed} on one logical clock of invocations and answers. */
    private final List<long[]> spans = new ArrayList<>();
    private long clock;
    /** Bumped with every answer: the order of answers is what clients observe, so answering steps conflict. */
    private final SimVar<Integer> answered;

    History(Sim sim) {
        this.answered = sim.var("history", 0);
    }

    /** An operation is invoked: its position on the clock, for telling overlapping operations apart. */
    synchronized long invoke() {
        answered.update(n -> n + 1);
        return ++clock;
    }

    void record(OpResult r) {
        record(r, -1);
    }

    /** @param invokedAt from {@link #invoke()}, or -1 (then it counts as invoked when it answered) */
    synchronized void record(OpResult r, long invokedAt) {
        answered.update(n -> n + 1);
        long done = ++clock;
        spans.add(new long[] {invokedAt < 0 ? done : invokedAt, done});
        results.add(r);
    }

    /** Whether results i and j were in flight at the same time (neither answered before the other was invoked). */
    public synchronized boolean overlap(int i, int j) {
        long[] a = spans.get(i);
        long[] b = spans.get(j);
        return a[0] < b[1] && b[0] < a[1];
    }

    public List<OpResult> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    /** The last acknowledged (Ok) archive/unarchive/delete of the timeline, or null. */
    public OpResult lastAcknowledged(String timeline) {
        for (int i = results.size() - 1; i >= 0; i--) {
            OpResult r = results.get(i); // callers read between steps or after the threads joined
            if (r.ok() && timeline.equals(r.timeline()) && (r.op().equals("archive") || r.op().equals("unarchive") || r.op().equals("delete")))
                return r;
        }
        return null;
    }
}
