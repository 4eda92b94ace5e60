package offloadsim.scenarios.findings;

import java.util.List;
import java.util.Set;

/**
 * One entry of the findings ledger: a known class of race.
 *
 * @param id             stable id (printed in every output that names it)
 * @param title          one line
 * @param classification what it is and where it is written up
 * @param variants       the variants it is expected on; a violation on another variant is NEW
 * @param fingerprints   fingerprint ids it has been seen with (exact matches)
 * @param rules          shapes it also covers: oracle and scrubbed message, with the functions the
 *                       fingerprint must include (a race found with extra switches in its shrunk run)
 * @param pinned         a schedule that reproduces it, replayed by the test suite
 * @param expected       cells where a random walk from the given seed shows it (a result that covered that
 *                       seed and did not show it is a regression, "missing")
 */
public record Finding(String id, String title, Classification classification, Set<String> variants, List<String> fingerprints,
                      List<Rule> rules, Pinned pinned, List<ExpectedAt> expected) {

    /**
     * @param kind      upstream (an issue or PR of Neon), derived (a race this project derived; see its notes
     *                  section), accepted (behaviour accepted as it is, with the reason) or model-gap (the
     *                  model lacks something the Rust has; the reason says what)
     * @param reference the issue/PR ("neondatabase/neon#10220") or the notes section ("neon-offload-notes.md §6")
     * @param link      the URL of an upstream issue/PR (upstream only)
     * @param reason    why it is accepted or what the model lacks (accepted, model-gap), or a note
     */
    public record Classification(String kind, String reference, String link, String reason) {
        public static final List<String> KINDS = List.of("upstream", "derived", "accepted", "model-gap");

        /** "upstream neondatabase/neon#10220", "derived neon-offload-notes.md §6", … */
        public String label() {
            return kind + (reference == null ? "" : " " + reference);
        }
    }

    /** Oracle, scrubbed message and the functions a fingerprint's shape must include. */
    public record Rule(String oracle, String message, List<String> functions) {
        boolean matches(String shape) {
            return oracle.equals(offloadsim.sim.explore.Fingerprint.oracleOf(shape))
                    && message.equals(offloadsim.sim.explore.Fingerprint.messageOf(shape))
                    && offloadsim.sim.explore.Fingerprint.functionsOf(shape).containsAll(functions);
        }
    }

    /** A scenario, a variant and the schedule string that reproduces the finding there. */
    public record Pinned(String scenario, String variant, String schedule) {}

    /** A random walk of {@code scenario} on {@code variant} from {@code seed} shows the finding. */
    public record ExpectedAt(String scenario, String variant, long seed) {}

    /** Whether this entry covers a violation with this fingerprint on this variant. */
    public boolean covers(String variant, String fingerprintId, String shape) {
        return variants.contains(variant) && describes(fingerprintId, shape);
    }

    /** Whether this entry describes the race, on whatever variant. */
    public boolean describes(String fingerprintId, String shape) {
        if (fingerprints.contains(fingerprintId)) return true;
        for (Rule r : rules) if (shape != null && r.matches(shape)) return true;
        return false;
    }
}
