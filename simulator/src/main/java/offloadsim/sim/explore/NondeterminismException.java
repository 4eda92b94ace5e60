package offloadsim.sim.explore;

/**
 * The same schedule gave two different traces: something under the scheduler took time, randomness,
 * threads or iteration order from outside the runtime. Carries the run's recorded hash and two full
 * replays, so the first line that differs points at the leak.
 */
public final class NondeterminismException extends RuntimeException {
    private final transient RunResult first;
    private final transient RunResult second;

    public NondeterminismException(long seed, RunResult original, RunResult first, RunResult second) {
        super("determinism self-check failed: seed " + seed + " (schedule " + original.schedule().encode() + ") ran with trace hash "
                + original.trace().hash() + " but its replay gave " + first.trace().hash()
                + (second.trace().hash().equals(first.trace().hash()) ? "" : " and a second replay " + second.trace().hash())
                + "; code under the scheduler is not deterministic");
        this.first = first;
        this.second = second;
    }

    /** The two replays' traces, one after the other, for the report. */
    public String traces() {
        return "--- replay 1 (hash " + first.trace().hash() + ")\n" + first.trace().text() + "--- replay 2 (hash " + second.trace().hash() + ")\n" + second.trace().text();
    }
}
