package offloadsim.reports.cli;

import java.io.PrintWriter;
import offloadsim.reports.json.ExplorationJson;

/** The per-class lines of a result in the terminal: count, first seed, finding or NEW, fingerprint. */
final class FindingsText {
    private FindingsText() {}

    static void classes(PrintWriter w, ExplorationJson r) {
        if (r.classes() == null) return;
        for (ExplorationJson.ClassJson c : r.classes())
            w.printf("  %-6s %-34s %6d executions, first seed %d, fingerprint %s: %s%n", c.finding() == null ? "NEW" : "known", c.finding() == null ? "NEW" : c.finding(),
                    c.count(), c.firstSeed(), c.fingerprint(), c.key());
    }
}
