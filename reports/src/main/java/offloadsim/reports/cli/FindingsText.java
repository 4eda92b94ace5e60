package offloadsim.reports.cli;

import java.io.PrintWriter;
import java.util.Map;
import offloadsim.model.RustSource;
import offloadsim.model.Variant;
import offloadsim.reports.html.Segments;
import offloadsim.reports.json.ExplorationJson;
import offloadsim.scenarios.explore.ReplayCommand;
import offloadsim.scenarios.findings.Fingerprints;
import offloadsim.sim.explore.Exploration;

/** The per-class lines of a result in the terminal: count, first seed, finding or NEW, fingerprint. */
final class FindingsText {
    private FindingsText() {}

    static void classes(PrintWriter w, ExplorationJson r) {
        if (r.classes() == null) return;
        for (ExplorationJson.ClassJson c : r.classes())
            w.printf("  %-6s %-34s %6d executions, first seed %d, fingerprint %s: %s%n", c.finding() == null ? "NEW" : "known", c.finding() == null ? "NEW" : c.finding(),
                    c.count(), c.firstSeed(), c.fingerprint(), c.key());
    }

    /**
     * The first failing run, shrunk, as a numbered story whose points cite the Rust function at the
     * variant's commit, with the command that replays the shrunk run.
     */
    static void firstStory(PrintWriter w, String target, boolean isFile, Variant v, Map<Exploration.Found, Fingerprints.Fingerprinted> fps) {
        if (fps.isEmpty()) return;
        Fingerprints.Fingerprinted f = fps.values().iterator().next();
        w.printf("%nfirst failing run, shrunk (Rust lines at %s; replay with --trace for every step):%n", v.rustCommit());
        for (String l : storyAt(v, f)) w.println("    " + l);
        w.println("  replay: " + ReplayCommand.of(target, isFile, v.id(), f.shrunk().schedule()));
    }

    /** A shrunk run's story citing the Rust at the variant's commit. */
    static java.util.List<String> storyAt(Variant v, Fingerprints.Fingerprinted f) {
        return Segments.story(Segments.of(f.shrunk().trace()), label -> RustSource.cite(v.rustCommit(), label));
    }
}
