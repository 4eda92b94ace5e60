package offloadsim.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import offloadsim.model.Variant;
import offloadsim.reports.html.CoverageHtml;
import offloadsim.reports.html.Page;
import offloadsim.reports.html.Showcase;
import offloadsim.reports.json.CoverageJson;
import offloadsim.reports.json.ExplorationJson;
import offloadsim.reports.json.Json;
import offloadsim.reports.json.MatrixJson;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.verdict.CellResult;
import offloadsim.scenarios.verdict.Matrix;
import offloadsim.sim.explore.Exploration;

/** Renders the verdict matrix as JSON, Markdown (fits a CI job summary) and one self-contained HTML page. */
public final class MatrixReport {
    private final Matrix.Plan plan;
    private final List<CellResult> cells;
    private final Map<String, Showcase> showcases = new LinkedHashMap<>();
    private final JsonNode agreement;

    public MatrixReport(Matrix.Plan plan, List<CellResult> cells, Path crossChecks) {
        this(plan, cells, readAgreement(crossChecks));
    }

    /** @param agreement the cross-check results (offload-sim/cross-checks/1, with a "source" line), or null to leave them out */
    public MatrixReport(Matrix.Plan plan, List<CellResult> cells, JsonNode agreement) {
        this.plan = plan;
        this.cells = cells;
        for (CellResult c : cells) if (c.foundBug()) showcases.put(key(c), showcase(c));
        this.agreement = agreement;
    }

    private static String key(CellResult c) {
        return c.scenario() + "/" + c.variant().id();
    }

    private static Showcase showcase(CellResult c) {
        // the run of the expected oracle when the cell met others first (an exhaustive matrix does)
        Exploration.Found f = c.deciding().found().stream().filter(x -> x.run().outcome().oracle().equals(c.expected().oracle()))
                .findFirst().orElse(c.deciding().found().getFirst());
        return Showcase.of(c.scenario(), ScenarioCatalog.byName(c.scenario()), c.variant(), f.seed(), f.run().schedule(), false);
    }

    private static JsonNode readAgreement(Path p) {
        if (p == null || !Files.isRegularFile(p)) return null;
        try {
            return Json.MAPPER.readTree(Files.readString(p));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public boolean allMatch() {
        return cells.stream().allMatch(CellResult::matches);
    }

    /** Declared points (of the variants in the matrix) that no cell reached. */
    public SortedSet<String> neverReached() {
        TreeSet<String> all = new TreeSet<>(), reached = new TreeSet<>();
        for (CellResult c : cells) {
            all.addAll(c.coverage().unreached());
            all.addAll(c.coverage().reached().keySet());
            reached.addAll(c.coverage().reached().keySet());
        }
        all.removeAll(reached);
        return all;
    }

    /** Declared points of the variants in the matrix, reached by some cell or not. */
    private int declaredAnywhere() {
        TreeSet<String> all = new TreeSet<>();
        for (CellResult c : cells) {
            all.addAll(c.coverage().unreached());
            all.addAll(c.coverage().reached().keySet());
        }
        return all.size();
    }

    /** "points reached by some cell: 70 of 79; never reached in any cell: a, b". */
    public String coverageLine() {
        SortedSet<String> never = neverReached();
        int all = declaredAnywhere();
        return "points reached by some cell: " + (all - never.size()) + " of " + all
                + (never.isEmpty() ? "" : "; never reached in any cell: " + String.join(", ", never));
    }

    public String json() {
        return Json.write(matrixJson());
    }

    /** The matrix as data: the JSON report and the JUnit XML are both written from it. */
    public MatrixJson matrixJson() {
        List<MatrixJson.Cell> out = new ArrayList<>();
        for (CellResult c : cells) {
            Showcase sc = showcases.get(key(c));
            out.add(new MatrixJson.Cell(c.scenario(), c.variant().id(), c.expected().label(), c.foundLabel(), c.matches(),
                    ExplorationJson.of(c.scenario(), c.variant().id(), plan.firstSeed(), null, c.exploration()),
                    c.completeness() == null ? null : ExplorationJson.of(c.scenario(), c.variant().id(), 1, null, c.completeness()), c.space(),
                    sc == null ? null : String.join("\n", sc.story()), sc == null ? null : sc.run().schedule().encode(), CoverageJson.of(c.coverage())));
        }
        return new MatrixJson(ExplorationJson.SCHEMA, plan.strategy().name(), plan.firstSeed(), plan.executions(), allMatch(), out);
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder("# offload-sim verdict matrix\n\n");
        sb.append(allMatch() ? "**Every cell matches its expected verdict.**" : "**Some cells do not match their expected verdict.**")
          .append(" Strategy `").append(plan.strategy().name()).append("`, seeds ").append(plan.firstSeed()).append("..").append(plan.firstSeed() + plan.executions() - 1)
          .append(" per cell (a bug cell stops at its first failing run).\n\n");
        sb.append("| scenario |");
        for (Variant v : variants()) sb.append(' ').append(v.id()).append(" |");
        sb.append("\n|---|");
        for (int i = 0; i < variants().size(); i++) sb.append("---|");
        sb.append('\n');
        for (String s : scenarios()) {
            sb.append("| ").append(s).append(" |");
            for (Variant v : variants()) {
                CellResult c = cell(s, v);
                sb.append(' ').append(c.matches() ? "" : "❌ ").append(c.foundBug() ? "🐞 " + String.join(", ", c.deciding().failuresByOracle().keySet()) + " (" + (c.deciding() == c.exploration() ? "" : "exhaustive ") + "run " + c.deciding().firstFailureAt() + ")" : "✅ clean" + (c.complete() ? " (complete)" : ""))
                  .append(" |");
            }
            sb.append('\n');
        }
        sb.append("\nCoverage: ").append(coverageLine()).append(" (per cell in report.json and report.html).\n");
        sb.append(agreementMarkdown());
        Showcase main = showcases.get("unarchive-during-compaction-pinned/pre-10305");
        if (main == null && !showcases.isEmpty()) main = showcases.values().iterator().next();
        if (main != null) {
            sb.append("\n## ").append(main.scenario()).append(" on ").append(main.variant()).append("\n\n");
            sb.append(Page.storyBlock(main.story()));
            sb.append("\n").append(main.shrinkNote()).append(".\n\nReplay: `").append(main.replay()).append("`\n");
        }
        return sb.toString();
    }

    private List<Variant> variants() {
        List<Variant> vs = new ArrayList<>();
        for (CellResult c : cells) if (!vs.contains(c.variant())) vs.add(c.variant());
        return vs;
    }

    private List<String> scenarios() {
        List<String> ss = new ArrayList<>();
        for (CellResult c : cells) if (!ss.contains(c.scenario())) ss.add(c.scenario());
        return ss;
    }

    private CellResult cell(String s, Variant v) {
        for (CellResult c : cells) if (c.scenario().equals(s) && c.variant() == v) return c;
        throw new IllegalStateException(s + "/" + v);
    }

    public String html() {
        StringBuilder sb = new StringBuilder(Page.head("offload-sim verdict matrix"));
        sb.append("<h1>offload-sim verdict matrix</h1><div class=\"small\">Neon pageserver timeline offload: auto-offload vs unarchival, branch, delete and tenant shutdown (#10220 / PR #10305)</div>\n");
        sb.append("<div class=\"verdict ").append(allMatch() ? "pass\">Every cell matches its expected verdict" : "fail\">Some cells do not match their expected verdict")
          .append("</div><div class=\"small\">strategy ").append(esc(plan.strategy().name())).append(", seeds ").append(plan.firstSeed()).append("..").append(plan.firstSeed() + plan.executions() - 1)
          .append(" per cell; a cell expected to show a bug stops at its first failing run; any other cell is first searched exhaustively (optimal DPOR, no preemption bound, up to ")
          .append(plan.completenessBudget()).append(" runs) and sampled only if that search stops at its budget.</div>\n");
        sb.append("<h2>Verdicts</h2><table><tr><th>scenario</th>");
        for (Variant v : variants()) sb.append("<th>").append(v.id()).append("</th>");
        sb.append("</tr>\n");
        for (String s : scenarios()) {
            sb.append("<tr><td><b>").append(esc(s)).append("</b><div class=\"small\">").append(esc(ScenarioCatalog.byName(s).description())).append("</div></td>");
            for (Variant v : variants()) {
                CellResult c = cell(s, v);
                String cls = !c.matches() ? "bad" : c.foundBug() ? "bug" : "ok";
                sb.append("<td class=\"").append(cls).append("\">").append(c.foundBug() ? "bug: " + esc(String.join(", ", c.deciding().failuresByOracle().keySet())) : "clean")
                  .append("<div class=\"small\">expected ").append(esc(c.expected().label())).append("<br>")
                  .append(c.foundBug() ? "first at " + (c.deciding() == c.exploration() ? "" : "exhaustive ") + "run " + c.deciding().firstFailureAt() : c.sampleSkipped() ? "no sample needed" : c.exploration().executions() + " runs, 0 violations")
                  .append(c.sampleSkipped() ? "" : " · " + c.exploration().distinctInterleavings() + " interleavings, " + c.exploration().distinctTraces() + " traces · "
                          + c.exploration().elapsedNanos() / 1_000_000 + " ms")
                  .append(c.completeness() == null || c.foundBug() ? "" : c.complete()
                          ? "<br><b>complete</b>: every interleaving, in " + c.completeness().executions() + " exhaustive runs (" + c.completeness().distinctTraces() + " traces)"
                          : "<br>exhaustive pass: stopped at its budget (" + c.completeness().executions() + " runs)")
                  .append("</div>");
                sb.append(CoverageHtml.badge(CoverageJson.of(c.coverage()), coverageAnchor(c)));
                if (showcases.containsKey(key(c))) sb.append("<div class=\"small\"><a href=\"#").append(anchor(key(c))).append("\">swimlane</a></div>");
                sb.append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
        sb.append("<h2>Coverage</h2>").append(CoverageHtml.LEGEND).append("<p class=\"cov-matrix\">").append(esc(coverageLine())).append("</p>\n");
        for (CellResult c : cells) sb.append(CoverageHtml.section(c.scenario() + " on " + c.variant().id(), CoverageJson.of(c.coverage()), coverageAnchor(c)));
        sb.append("<h2>Agreement of the cross-checks</h2>");
        if (agreement == null) sb.append("<p class=\"small\">left out (--no-cross-checks); <code>mvn -B verify</code> writes <code>scenarios/target/cross-checks.json</code>, which the matrix shows</p>\n");
        else sb.append(agreementSource()).append(agreementTable());
        sb.append("<h2>Failing interleavings</h2><p class=\"small\">Each bug cell's first failing run, shrunk (fewest steps and preemptions that still fail the same oracle) and replayed. One lane per task; boxes are runs of consecutive steps labelled with the Rust function/await point; blue boxes change state; the red box is where the oracle fired. Hover a box for every step and event.</p>\n");
        boolean first = true;
        for (Showcase sc : orderedShowcases()) {
            sb.append(Page.showcase(sc, anchor(sc.scenario() + "/" + sc.variant()), first));
            first = false;
        }
        return sb.append("</body></html>\n").toString();
    }

    private List<Showcase> orderedShowcases() {
        List<Showcase> out = new ArrayList<>();
        Showcase main = showcases.get("unarchive-during-compaction-pinned/pre-10305");
        if (main != null) out.add(main);
        for (Showcase s : showcases.values()) if (s != main) out.add(s);
        return out;
    }

    private String agreementSource() {
        String source = agreement.path("source").asText("");
        if (source.isEmpty()) source = "results of " + agreement.path("generatedAt").asText("an unknown date") + (agreement.hasNonNull("commit") ? ", commit " + agreement.get("commit").asText() : "");
        return "<p class=\"small\">Compaction vs unarchive(t1) in the world of unarchive-during-compaction, checked by four engines on the same model: the simulator, Lincheck (model checking against a sequential specification in which an offload in flight may answer NotFound), jcstress (hardware threads) and Fray (controlled real threads). Source: "
                + esc(source) + ".</p>";
    }

    /** The agreement table for the Markdown report: one line per row, each engine's verdict. */
    private String agreementMarkdown() {
        StringBuilder sb = new StringBuilder("\n## Cross-checks (unarchive-during-compaction)\n\n");
        if (agreement == null) return sb.append("Left out (`--no-cross-checks`).\n").toString();
        sb.append("| variant | subject | simulator | lincheck | jcstress | fray | agree |\n|---|---|---|---|---|---|---|\n");
        for (JsonNode r : agreement.path("rows")) {
            sb.append("| ").append(r.path("variant").asText()).append(" | ").append(r.path("subject").asText()).append(" |");
            for (String e : new String[] {"simulator", "lincheck", "jcstress", "fray"}) sb.append(' ').append(r.path(e).path("verdict").asText("not run")).append(" |");
            JsonNode a = r.path("agree");
            sb.append(' ').append(a.isBoolean() ? (a.asBoolean() ? "yes" : "**no**") : "-").append(" |\n");
        }
        return sb.append("\nSource: ").append(agreement.path("source").asText(agreement.path("generatedAt").asText("unknown"))).append(".\n").toString();
    }

    private String agreementTable() {
        JsonNode rows = agreement.isArray() ? agreement : agreement.path("rows");
        if (!rows.isArray() || rows.isEmpty()) return "<p class=\"small\">cross-check results file has no rows</p>";
        List<String> cols = new ArrayList<>();
        for (Iterator<String> it = rows.get(0).fieldNames(); it.hasNext(); ) cols.add(it.next());
        StringBuilder sb = new StringBuilder("<table><tr>");
        for (String c : cols) sb.append("<th>").append(esc(c)).append("</th>");
        sb.append("</tr>");
        for (JsonNode r : rows) {
            sb.append("<tr>");
            for (String c : cols) sb.append("<td>").append(agreementCell(r.path(c))).append("</td>");
            sb.append("</tr>");
        }
        return sb.append("</table>\n").toString();
    }

    /** A cross-check cell: its verdict in bold, then its figures and the first part of its detail. */
    private static String agreementCell(JsonNode v) {
        if (v.isNull() || v.isMissingNode()) return "<span class=\"small\">not run in that build</span>";
        if (v.isValueNode()) return esc(v.asText());
        if (!v.has("verdict")) return "<span class=\"small\">" + esc(clip(v.toString(), 200)) + "</span>";
        StringBuilder sb = new StringBuilder("<b>").append(esc(v.get("verdict").asText())).append("</b><div class=\"small\">");
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.equals("verdict") || !v.get(k).isValueNode()) continue;
            sb.append(esc(k)).append(": ").append(esc(clip(v.get(k).asText(), 160))).append("<br>");
        }
        return sb.append("</div>").toString();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static String coverageAnchor(CellResult c) {
        return "cov-" + key(c).replaceAll("[^a-z0-9]+", "-");
    }

    private static String anchor(String k) {
        return "run-" + k.replaceAll("[^a-z0-9]+", "-");
    }

    private static String esc(String s) {
        return Page.esc(s);
    }
}
