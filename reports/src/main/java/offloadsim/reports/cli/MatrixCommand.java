package offloadsim.reports.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import offloadsim.reports.AtomicFiles;
import offloadsim.reports.MatrixReport;
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

    @Option(names = "--completeness", defaultValue = "10000", description = "Executions of the exhaustive (sleep-set, unbounded) pass on cells the sample found clean; 0 skips it (default ${DEFAULT-VALUE})")
    long completeness;

    @Option(names = "--first-seed", defaultValue = "1", description = "Seed of each cell's first execution (default ${DEFAULT-VALUE})")
    long firstSeed;

    @Option(names = "--out", description = "Report directory (default: target/offload-sim-report in the repository)")
    Path out;

    @Option(names = "--cross-checks", description = "Cross-check results to show in the agreement table (default: scenarios/target/cross-checks.json)")
    Path crossChecks;

    @Mixin
    CiOutputOptions ci = new CiOutputOptions();

    @Option(names = "--json", description = "Print the matrix as JSON instead of the table")
    boolean json;

    @Override
    public Integer call() {
        Matrix.Plan plan = new Matrix.Plan(strategy.spec(), Inputs.nonNegative(firstSeed, "--first-seed"), Inputs.nonNegative(schedules, "--schedules"),
                Inputs.nonNegative(completeness, "--completeness"));
        Path home = Path.of(System.getProperty("offloadsim.home", "."));
        Path dir = out != null ? out : home.resolve("target/offload-sim-report");
        Path cc = crossChecks != null ? crossChecks : home.resolve("scenarios/target/cross-checks.json");
        ProgressBar bar = new ProgressBar(System.err, "matrix", json);
        List<CellResult> cells = Matrix.runAll(plan, (i, n, c) -> bar.cell(i, n, c.scenario() + " " + c.variant().id()));
        MatrixReport report = new MatrixReport(plan, cells, cc);
        AtomicFiles.write(dir.resolve("report.json"), report.json());
        AtomicFiles.write(dir.resolve("report.md"), report.markdown());
        AtomicFiles.write(dir.resolve("report.html"), report.html());
        ci.write(JunitXml.ofMatrix(report.matrixJson()), report.markdown());
        var w = spec.commandLine().getOut();
        if (json) {
            w.print(report.json());
        } else {
            w.printf("%-38s %-12s %-28s %-40s %8s %8s %-9s%n", "scenario", "variant", "expected", "found", "first", "runs", "space");
            for (CellResult c : cells) {
                w.printf("%-38s %-12s %-28s %-40s %8s %8d %-9s%s%n", c.scenario(), c.variant().id(), c.expected().label(), c.foundLabel(),
                        c.foundBug() ? String.valueOf(c.deciding().firstFailureAt()) : "-", c.exploration().executions() + (c.completeness() == null ? 0 : c.completeness().executions()), c.space(), c.matches() ? "" : "  MISMATCH");
            }
            long mismatches = cells.stream().filter(c -> !c.matches()).count();
            w.println();
            w.println(mismatches == 0 ? "all " + cells.size() + " cells match their expected verdicts" : mismatches + " of " + cells.size() + " cells do not match their expected verdicts");
            w.println("report: " + dir.toAbsolutePath().normalize().resolve("report.html"));
        }
        w.flush();
        return report.allMatch() ? 0 : 1;
    }
}
