package offloadsim.reports.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import offloadsim.reports.AtomicFiles;
import offloadsim.reports.MatrixReport;
import offloadsim.reports.findings.LedgerCheck;
import offloadsim.reports.json.CoverageJson;
import offloadsim.reports.json.ExplorationJson;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.findings.Classifier;
import offloadsim.scenarios.findings.Ledger;
import offloadsim.reports.bench.CrossCheckResults;
import offloadsim.reports.junit.JunitXml;
import offloadsim.reports.term.ProgressBar;
import offloadsim.scenarios.verdict.CellResult;
import offloadsim.scenarios.verdict.Matrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "matrix", description = "The main job: every variant x scenario, compared with the expected verdicts; exit 1 on any mismatch.")
final class MatrixCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StrategyOptions strategy = new StrategyOptions();

    @Option(names = "--schedules", defaultValue = "50000", description = "Executions per cell (default ${DEFAULT-VALUE})")
    long schedules;

    @Option(names = "--completeness", defaultValue = "60000", description = "Executions of the exhaustive pass (optimal DPOR, no preemption bound), run first on every cell not expected to fail (a cell it completes needs no sample) and after a clean sample otherwise; 0 skips it (default ${DEFAULT-VALUE})")
    long completeness;

    @Option(names = "--first-seed", defaultValue = "1", description = "Seed of each cell's first execution (default ${DEFAULT-VALUE})")
    long firstSeed;

    @Option(names = "--out", description = "Report directory (default: target/offload-sim-report in the repository)")
    Path out;

    @Option(names = "--cross-checks", description = "Cross-check results to show in the agreement table (default: the suite's scenarios/target/cross-checks.json; without it, the cheap cross-checks run now, about 20 s)")
    Path crossChecks;

    @Option(names = "--no-cross-checks", description = "Leave the cross-checks out of the report (no file read, nothing run)")
    boolean noCrossChecks;

    @Mixin
    CiOutputOptions ci = new CiOutputOptions();

    @Option(names = "--coverage", description = "Under the table, each cell's coverage line: the points it never reached in the functions it entered, and how many others")
    boolean coverage;

    @Option(names = "--json", description = "Print the matrix as JSON instead of the table")
    boolean json;

    @Option(names = "--jobs", description = "Cells explored in parallel (default: the machine's cores); the results do not depend on it")
    Integer jobs;

    @Option(names = "--fail-on", defaultValue = "any", description = "any: exit 1 on any cell that does not match its expected verdict; new: only on a violation no ledger entry covers on its variant, or a finding a cell is expected to show that it did not (default ${DEFAULT-VALUE})")
    String failOn;

    @Override
    public Integer call() throws Exception {
        var mode = LedgerCheck.FailOn.parse(failOn);
        Matrix.Plan plan = new Matrix.Plan(strategy.spec(), Inputs.nonNegative(firstSeed, "--first-seed"), Inputs.nonNegative(schedules, "--schedules"),
                Inputs.nonNegative(completeness, "--completeness"));
        Path home = Path.of(System.getProperty("offloadsim.home", "."));
        Path dir = out != null ? out : home.resolve("target/offload-sim-report");
        Path cc = crossChecks != null ? crossChecks : home.resolve("scenarios/target/cross-checks.json");
        JsonNode agreement = noCrossChecks ? null : CrossCheckResults.fromSuite(cc, home);
        if (crossChecks != null && agreement == null && !noCrossChecks)
            throw new IllegalArgumentException("--cross-checks " + crossChecks + ": not a cross-check results file (" + CrossCheckResults.FORMAT + ")");
        ProgressBar bar = new ProgressBar(System.err, "matrix", json);
        int threads = jobs != null ? Inputs.positive(jobs, "--jobs") : Runtime.getRuntime().availableProcessors();
        List<CellResult> cells = Matrix.runAll(plan, threads, (i, n, c) -> bar.cell(i, n, c.scenario() + " " + c.variant().id()));
        if (agreement == null && !noCrossChecks) agreement = CrossCheckResults.quick(cells, home, System.err);
        MatrixReport report = new MatrixReport(plan, cells, agreement);
        AtomicFiles.write(dir.resolve("report.json"), report.json());
        AtomicFiles.write(dir.resolve("report.md"), report.markdown());
        AtomicFiles.write(dir.resolve("report.html"), report.html());
        var ledger = Ledger.load();
        java.util.Map<CellResult, ExplorationJson> attributed = new java.util.LinkedHashMap<>();
        for (CellResult c : cells) {
            var s = ScenarioCatalog.byName(c.scenario());
            var fps = Classifier.fingerprints(s, c.variant(), c.deciding(), Classifier.SHRINK_ATTEMPTS);
            long first = c.deciding() == c.exploration() ? plan.firstSeed() : 1;
            attributed.put(c, LedgerCheck.attribute(ExplorationJson.of(c.scenario(), c.variant().id(), first, null, c.deciding(), fps), ledger));
        }
        boolean failsNew = attributed.values().stream().anyMatch(r -> LedgerCheck.fails(r, LedgerCheck.FailOn.NEW));
        ci.write(JunitXml.ofMatrix(report.matrixJson()), report.markdown());
        var w = spec.commandLine().getOut();
        if (json) {
            for (var e : attributed.entrySet()) if (e.getValue().failures() > 0) spec.commandLine().getErr().println(e.getKey().scenario() + " " + e.getKey().variant().id() + ": " + LedgerCheck.firstLine(e.getValue()));
            w.print(report.json());
        } else {
            w.printf("%-38s %-12s %-28s %-40s %-36s %8s %8s %-9s %-24s%n", "scenario", "variant", "expected", "found", "finding", "first", "runs", "space", "coverage");
            for (CellResult c : cells) {
                ExplorationJson a = attributed.get(c);
                String finding = a.failures() == 0 ? "-" : !a.newFindings().isEmpty() ? "NEW" : String.join(",", a.knownFindings().keySet());
                if (!a.missingFindings().isEmpty()) finding += " MISSING " + String.join(",", a.missingFindings());
                w.printf("%-38s %-12s %-28s %-40s %-36s %8s %8d %-9s %-24s%s%n", c.scenario(), c.variant().id(), c.expected().label(), c.foundLabel(), finding,
                        c.foundBug() ? String.valueOf(c.deciding().firstFailureAt()) : "-", c.executions(), c.space(),
                        c.coverage().summary(), c.matches() ? "" : "  MISMATCH");
            }
            w.println();
            w.println(report.coverageLine());
            if (coverage) {
                for (CellResult c : cells) w.println(c.scenario() + " " + c.variant().id() + ": " + CoverageText.line(CoverageJson.of(c.coverage())));
            } else {
                w.println("(--coverage: each cell's unreached points)");
            }
            long mismatches = cells.stream().filter(c -> !c.matches()).count();
            w.println();
            w.println(mismatches == 0 ? "all " + cells.size() + " cells match their expected verdicts" : mismatches + " of " + cells.size() + " cells do not match their expected verdicts");
            if (agreement != null) w.println("cross-checks: " + CrossCheckResults.summary(agreement));
            w.println("report: " + dir.toAbsolutePath().normalize().resolve("report.html"));
        }
        w.flush();
        return (mode == LedgerCheck.FailOn.ANY ? !report.allMatch() : failsNew) ? 1 : 0;
    }
}
