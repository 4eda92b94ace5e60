package offloadsim.sim.trace;

/** One line of a run's trace. */
public sealed interface TraceEntry permits TraceEntry.Step, TraceEntry.Event {

    /** Canonical one-line text; the trace hash is computed over these. */
    String line();

    /**
     * Task {@code taskId} ran from yield label {@code label}. {@code choices} is how many tasks were
     * runnable (1 means no decision was taken), {@code preemption} whether a runnable task was switched away from.
     */
    record Step(int index, int taskId, String task, String label, int choices, boolean preemption) implements TraceEntry {
        @Override
        public String line() {
            return "#" + index + " [" + task + "] @" + label + (choices > 1 ? " (1 of " + choices + (preemption ? ", preempt" : "") + ")" : "");
        }
    }

    /** Something the running task did: a state change, a lock, a failpoint, a result. */
    record Event(int step, String task, String kind, String detail) implements TraceEntry {
        @Override
        public String line() {
            return "    [" + task + "] " + kind + ": " + detail;
        }
    }
}
