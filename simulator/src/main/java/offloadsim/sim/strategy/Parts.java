package offloadsim.sim.strategy;

import java.util.List;
import java.util.function.Function;

/**
 * One part of a split systematic search: the searches below each of its decision prefixes, one after the
 * other (see {@link offloadsim.sim.explore.Partition}). Exhausted only if every prefix's search was.
 *
 * @param <P> what a prefix is (its decisions, and the tasks asleep where it ends)
 */
public final class Parts<P> implements Strategy {
    private final List<P> prefixes;
    private final Function<P, Strategy> search;
    private final Strategy unsplit;
    private final String label;
    private int next;
    private Strategy current;
    private boolean allExhausted = true;
    private boolean done;

    /**
     * @param prefixes this part's prefixes
     * @param search   a fresh search below one prefix
     * @param unsplit  the same search unsplit, for its name and parameters when no prefix is searched
     * @param label    what to say about the split in reports ("shard 1/4: 12 of 48 prefixes of 3 picks")
     */
    public Parts(List<P> prefixes, Function<P, Strategy> search, Strategy unsplit, String label) {
        this.prefixes = List.copyOf(prefixes);
        this.search = search;
        this.unsplit = unsplit;
        this.label = label;
    }

    @Override
    public String name() {
        return current != null ? current.name() : unsplit.name();
    }

    @Override
    public String describe() {
        Strategy any = current != null ? current : unsplit;
        return any.describe() + " " + label + (done ? "" : ", stopped in prefix " + next + " of " + prefixes.size());
    }

    @Override
    public boolean beginExecution(long seed) {
        if (done) return false;
        while (true) {
            if (current != null && current.beginExecution(seed)) return true;
            if (current != null) allExhausted &= current.exhausted();
            if (next >= prefixes.size()) {
                done = true;
                current = null;
                return false;
            }
            current = search.apply(prefixes.get(next++));
        }
    }

    @Override
    public int pickTask(SchedulingPoint point) {
        return current.pickTask(point);
    }

    @Override
    public boolean pruneSoleRunnable(int taskId) {
        return current.pruneSoleRunnable(taskId);
    }

    @Override
    public int pickInt(int bound, String label) {
        return current.pickInt(bound, label);
    }

    @Override
    public void afterStep(StepRecord step) {
        current.afterStep(step);
    }

    @Override
    public void oracleObserved(Footprint observed) {
        current.oracleObserved(observed);
    }

    @Override
    public void endExecution(boolean violated) {
        current.endExecution(violated);
    }

    @Override
    public boolean exhausted() {
        return done && allExhausted;
    }
}
