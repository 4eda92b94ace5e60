package offloadsim.scenarios.verdict;

/**
 * What a cell (variant × scenario) is expected to show.
 *
 * @param verdict  bug, clean, or unknown (not yet settled by evidence: reported, never a mismatch)
 * @param oracle   for a bug, the oracle that must fire
 * @param evidence for verdicts settled by exploration, the schedule string that shows it (may be null)
 * @param note     why (one line, may be null)
 */
public record Expectation(Verdict verdict, String oracle, String evidence, String note) {

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
