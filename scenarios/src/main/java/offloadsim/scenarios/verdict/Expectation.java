package offloadsim.scenarios.verdict;

/**
 * What a cell (variant × scenario) is expected to show.
 *
 * @param verdict  bug, clean, or unknown (not yet settled by evidence: reported, never a mismatch)
 * @param oracle   for a bug, the oracle that must fire
 * @param evidence for verdicts settled by exploration, the schedule string that shows it (may be null); on a
 *                 clean cell, a pinned schedule through the window the scenario is about
 * @param answers  answers (OpResult text, e.g. "unarchive(t1) -> Err(Other(upload queue not initialized))")
 *                 that replaying the evidence must show: they prove the pinned run went through its window
 * @param note     why (one line, may be null)
 */
public record Expectation(Verdict verdict, String oracle, String evidence, java.util.List<String> answers, String note) {

    public Expectation {
        answers = answers == null ? java.util.List.of() : java.util.List.copyOf(answers);
    }

    public Expectation(Verdict verdict, String oracle, String evidence, String note) {
        this(verdict, oracle, evidence, java.util.List.of(), note);
    }

    public enum Verdict {
        BUG, CLEAN, UNKNOWN;

        public String label() {
            return name().toLowerCase();
        }
    }

    public static final Expectation UNKNOWN = new Expectation(Verdict.UNKNOWN, null, null, null);

    public String label() {
        return verdict == Verdict.BUG ? "bug (" + oracle + ")" : verdict.label();
    }
}
