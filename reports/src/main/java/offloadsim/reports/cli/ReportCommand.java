package offloadsim.reports.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import offloadsim.model.Variant;
import offloadsim.reports.AtomicFiles;
import offloadsim.reports.ExplorationReport;
import offloadsim.reports.findings.LedgerCheck;
import offloadsim.reports.html.Showcase;
import offloadsim.reports.json.ExplorationJson;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.file.ScenarioFile;
import offloadsim.sim.trace.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", description = "Render JSON results (explore --out, merge, or a matrix report.json) as report.md and report.html, "
        + "each violation shrunk and drawn as a swimlane; exit 1 if any result has a violation.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", description = "JSON result files")
    List<Path> files;

    @Option(names = "--out", description = "Report directory (default: target/offload-sim-report/explorations in the repository)")
    Path out;

    @Option(names = "--fail-on", defaultValue = "any", description = "any: exit 1 on any violation; new: only on a violation no ledger entry covers on its variant, or an expected finding that did not show (default ${DEFAULT-VALUE})")
    String failOn;

    @Override
    public Integer call() throws Exception {
        var mode = LedgerCheck.FailOn.parse(failOn);
        var ledger = offloadsim.scenarios.findings.Ledger.load();
        List<ExplorationJson> results = new ArrayList<>();
        for (Path p : files) for (ExplorationJson r : read(p)) results.add(LedgerCheck.attribute(r, ledger));
        List<ExplorationReport.Entry> entries = new ArrayList<>();
        for (ExplorationJson r : results) entries.add(new ExplorationReport.Entry(r, showcases(r)));
        ExplorationReport report = new ExplorationReport(entries);
        Path dir = out != null ? out : Path.of(System.getProperty("offloadsim.home", ".")).resolve("target/offload-sim-report/explorations");
        AtomicFiles.write(dir.resolve("report.md"), report.markdown());
        AtomicFiles.write(dir.resolve("report.html"), report.html());
        var w = spec.commandLine().getOut();
        for (ExplorationJson r : results) if (r.failures() > 0) w.println(r.scenario() + " on " + r.variant() + ": " + LedgerCheck.firstLine(r));
        w.println(results.size() + " exploration" + (results.size() == 1 ? "" : "s") + ", "
                + entries.stream().mapToInt(e -> e.showcases().size()).sum() + " violation(s) shrunk and drawn");
        w.println("report: " + dir.toAbsolutePath().normalize().resolve("report.html"));
        w.flush();
        return results.stream().anyMatch(r -> LedgerCheck.fails(r, mode)) ? 1 : 0;
    }

    /** An exploration result, or every cell of a matrix report. */
    static List<ExplorationJson> read(Path p) throws Exception {
        JsonNode root = Inputs.jsonFile(p);
        if (!root.has("cells")) return List.of(Inputs.exploration(p, root));
        String schema = root.path("schema").asText("");
        if (!ExplorationJson.SCHEMA.equals(schema))
            throw new IllegalArgumentException(p + ": not an offload-sim result (schema is " + (schema.isEmpty() ? "missing" : "'" + schema + "'")
                    + ", expected " + ExplorationJson.SCHEMA + ")");
        List<ExplorationJson> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.get("cells")) {
            Path cell = Path.of(p + "#cells[" + i++ + "]");
            out.add(Inputs.exploration(cell, c.path("exploration")));
            if (c.hasNonNull("completeness")) out.add(Inputs.exploration(cell, c.get("completeness")));
        }
        return out;
    }

    /** Each kept violation, replayed from its schedule and shrunk. The scenario is a catalog name or a scenario file's path. */
    private static List<Showcase> showcases(ExplorationJson r) throws Exception {
        List<Showcase> out = new ArrayList<>();
        if (r.violations() == null || r.violations().isEmpty()) return out;
        boolean fromFile = !ScenarioCatalog.names().contains(r.scenario());
        Scenario s = fromFile ? ScenarioFile.load(Path.of(r.scenario())) : ScenarioCatalog.byName(r.scenario());
        Variant v = Inputs.variant(r.variant());
        for (ExplorationJson.ViolationJson vj : r.violations())
            out.add(Showcase.of(r.scenario(), s, v, vj.seed(), Schedule.parse(vj.schedule()), fromFile));
        return out;
    }
}
