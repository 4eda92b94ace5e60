package offloadsim.reports.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import offloadsim.reports.findings.LedgerCheck;
import offloadsim.reports.json.ExplorationJson;
import offloadsim.scenarios.findings.Finding;
import offloadsim.scenarios.findings.Ledger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "findings", description = "List the findings ledger, with how often each entry was seen in the given result files (explore/merge/sweep/matrix JSON). "
        + "--classify prints each class of violation of the files with its fingerprint and the entry that covers it, or NEW with the lines to paste into findings.yaml.")
final class FindingsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", description = "JSON result files")
    List<Path> files = new ArrayList<>();

    @Option(names = "--classify", description = "For recalibration: every class of violation in the files, its fingerprint and shape, and its ledger entry or NEW")
    boolean classify;

    @Override
    public Integer call() throws Exception {
        Ledger ledger = Ledger.load();
        List<ExplorationJson> results = new ArrayList<>();
        for (Path p : files) for (ExplorationJson r : ReportCommand.read(p)) results.add(LedgerCheck.attribute(r, ledger));
        var w = spec.commandLine().getOut();
        if (classify) {
            if (results.isEmpty()) throw new IllegalArgumentException("--classify needs result files");
            for (ExplorationJson r : results) {
                if (r.classes() == null || r.classes().isEmpty()) continue;
                w.println("# " + r.scenario() + " on " + r.variant() + ", seeds " + r.firstSeed() + ".." + r.lastSeed() + ": " + LedgerCheck.firstLine(r));
                for (ExplorationJson.ClassJson c : r.classes()) {
                    w.printf("%-8s %s  %6d executions, first seed %d%n", c.finding() == null ? "NEW" : c.finding(), c.fingerprint(), c.count(), c.firstSeed());
                    w.println("         shape: " + c.shape());
                    if (c.finding() == null) {
                        Finding elsewhere = c.fingerprint() == null ? null : ledger.elsewhere(c.fingerprint(), c.shape());
                        w.println("         paste: - " + c.fingerprint() + "   # " + c.shape() + (elsewhere == null ? "" : "  (already in " + elsewhere.id() + ": add variant " + r.variant() + ")"));
                        if (c.shrunkSchedule() != null) w.println("         pinned: {scenario: " + r.scenario() + ", variant: " + r.variant() + ", schedule: \"" + c.shrunkSchedule() + "\"}");
                    }
                }
                for (String m : r.missingFindings()) w.println("MISSING  " + m + " (expected in this cell within seeds " + r.firstSeed() + ".." + r.lastSeed() + ")");
            }
            w.flush();
            return 0;
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        int fresh = 0;
        for (ExplorationJson r : results) {
            r.knownFindings().forEach((k, n) -> seen.merge(k, n, Integer::sum));
            for (var n : r.newFindings()) fresh += n.count();
        }
        w.printf("%-28s %-10s %-44s %-40s %s%n", "finding", "kind", "reference", "variants", files.isEmpty() ? "title" : "seen  title");
        for (Finding f : ledger.findings()) {
            w.printf("%-28s %-10s %-44s %-40s %s%s%n", f.id(), f.classification().kind(), f.classification().reference() == null ? "-" : f.classification().reference(),
                    String.join(",", f.variants()), files.isEmpty() ? "" : String.format("%5d  ", seen.getOrDefault(f.id(), 0)), f.title());
        }
        if (!files.isEmpty()) w.println("NEW (no entry covers them): " + fresh + " executions");
        w.flush();
        return 0;
    }
}
