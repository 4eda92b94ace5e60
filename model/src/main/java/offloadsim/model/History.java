package offloadsim.model;

import java.util.ArrayList;
import java.util.List;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimVar;

/** Every answer a user-visible operation gave, in completion order, for the oracles (appended from many threads on the JVM binding). */
public final class History {
    private final List<OpResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Bumped with every answer: the order of answers is what clients observe, so answering steps conflict. */
    private final SimVar<Integer> answered;

    History(Sim sim) {
        this.answered = sim.var("history", 0);
    }

    void record(OpResult r) {
        answered.update(n -> n + 1);
        results.add(r);
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
