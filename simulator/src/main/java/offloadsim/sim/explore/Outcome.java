package offloadsim.sim.explore;

import offloadsim.sim.api.Texts;

/**
 * How a run ended.
 *
 * @param kind    the category
 * @param oracle  the oracle that fired ({@code panic}, {@code deadlock}, {@code step-budget} for the others)
 * @param message what happened, naming the entity
 * @param task    the task that was running (or blocked, for a deadlock); null for a clean end
 * @param label   that task's last yield label
 * @param step    the step index at which it happened
 */
public record Outcome(Kind kind, String oracle, String message, String task, String label, int step) {

    public enum Kind {
        /** Every task ended and every oracle held. */
        OK,
        /** An oracle reported a violation. */
        VIOLATION,
        /** A task threw: a panic of the production code or a bug in the model. */
        PANIC,
        /** Tasks are blocked and nothing can wake them. */
        DEADLOCK,
        /** The run exceeded its step budget (oracle step-budget: a livelock or an unbounded loop) or its wall-time budget (time-budget). */
        STEP_BUDGET,
        /**
         * The strategy abandoned the run: every task that could run next is asleep, so each continuation is
         * equivalent to one already explored (a sleep-set-blocked execution). Neither a pass nor a failure.
         */
        PRUNED
    }

    public static Outcome ok(int steps) {
        return new Outcome(Kind.OK, null, null, null, null, steps);
    }

    public static Outcome pruned(int step) {
        return new Outcome(Kind.PRUNED, null, null, null, null, step);
    }

    public boolean isFailure() {
        return kind != Kind.OK && kind != Kind.PRUNED;
    }

    /** One line: "VIOLATION stuck-stopping: timeline t1 ... [task compaction @label, step 31]". */
    public String summary() {
        if (kind == Kind.OK) return Texts.join(Texts.join("OK after ", step), " steps"); // every run ends with it: joined once per count
        if (kind == Kind.PRUNED) return "PRUNED after " + step + " steps (equivalent to an explored run)";
        return kind + " " + oracle + ": " + message + (task != null ? " [task " + task + " @" + label + ", step " + step + "]" : " [step " + step + "]");
    }
}
