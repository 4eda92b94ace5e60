package offloadsim.reports;

import java.util.ArrayList;
import java.util.List;
import offloadsim.reports.html.CoverageHtml;
import offloadsim.reports.html.Page;
import offloadsim.reports.html.Showcase;
import offloadsim.reports.json.ExplorationJson;

/**
 * Markdown and self-contained HTML for exploration results read back from their JSON (explore --out,
 * merged shards, or the cells of a matrix report): the figures of each exploration, then every kept
 * violation shrunk and drawn as a swimlane with its story.
 */
public final class ExplorationReport {

    /** An exploration and the showcases of its kept violations. */
    public record Entry(ExplorationJson result, List<Showcase> showcases) {}

    private final List<Entry> entries;

    public ExplorationReport(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public boolean anyViolation() {
        return entries.stream().anyMatch(e -> e.result().failures() > 0);
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder("# offload-sim exploration report\n\n");
        sb.append("| scenario | variant | strategy | executions | complete | Mazurkiewicz traces | final states | coverage | violations |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Entry e : entries) {
            ExplorationJson r = e.result();
            sb.append("| ").append(r.scenario()).append(" | ").append(r.variant()).append(" | ").append(r.strategyDescription()).append(" | ")
              .append(r.executions()).append(r.pruned() > 0 ? " (" + r.pruned() + " pruned)" : "").append(" | ").append(r.complete() ? "yes" : "no")
              .append(" | ").append(r.distinctTraces()).append(" | ").append(r.distinctFinalStates()).append(" | ")
              .append(r.coverage() == null ? "not recorded" : r.coverage().summary()).append(" | ")
              .append(r.failures() == 0 ? "none" : r.failures() + " " + r.failuresByOracle()).append(" |\n");
        }
        for (Entry e : entries) if (e.result().failures() > 0) sb.append("\n").append(e.result().scenario()).append(" on ").append(e.result().variant()).append(": **")
                .append(offloadsim.reports.findings.LedgerCheck.firstLine(e.result())).append("**\n");
        for (Entry e : entries) {
            for (int i = 0; i < e.showcases().size(); i++) {
                Showcase sc = e.showcases().get(i);
                sb.append("\n## [").append(findingOf(e, i)).append("] ").append(sc.scenario()).append(" on ").append(sc.variant()).append(": ").append(sc.run().outcome().oracle()).append("\n\n");
                sb.append(Page.storyBlock(sc.story())).append('\n').append(sc.shrinkNote()).append(".\n\nReplay: `").append(sc.replay()).append("`\n");
            }
        }
        return sb.toString();
    }

    /** The finding of the i-th kept violation (showcases are made one per violation, in order), or NEW. */
    private static String findingOf(Entry e, int i) {
        var vs = e.result().violations();
        return i < vs.size() ? offloadsim.reports.findings.LedgerCheck.label(vs.get(i)) : "NEW";
    }

    public String html() {
        StringBuilder sb = new StringBuilder(Page.head("offload-sim exploration report"));
        sb.append("<h1>offload-sim exploration report</h1>\n<div class=\"verdict ").append(anyViolation() ? "fail\">Violations found" : "pass\">No violation")
          .append("</div>\n<h2>Explorations</h2><table><tr><th>scenario</th><th>variant</th><th>strategy</th><th>seeds</th><th>executions</th><th>complete</th>")
          .append("<th>interleavings / traces / final states</th><th>coverage</th><th>violations</th></tr>\n");
        for (Entry e : entries) {
            ExplorationJson r = e.result();
            sb.append("<tr><td><b>").append(Page.esc(r.scenario())).append("</b></td><td>").append(Page.esc(r.variant())).append("</td><td>")
              .append(Page.esc(r.strategyDescription())).append("</td><td>").append(r.firstSeed()).append("..").append(r.lastSeed())
              .append(r.shard() == null ? "" : "<div class=\"small\">" + Page.esc(r.shard()) + "</div>").append("</td><td>").append(r.executions())
              .append(r.pruned() > 0 ? "<div class=\"small\">" + r.pruned() + " pruned as equivalent</div>" : "").append("</td><td>").append(r.complete() ? "yes" : "no")
              .append("</td><td>").append(r.distinctInterleavings()).append(" / ").append(r.distinctTraces()).append(" / ").append(r.distinctFinalStates())
              .append("</td><td>").append(r.coverage() == null ? "not recorded" : CoverageHtml.badge(r.coverage(), "cov-" + entries.indexOf(e)))
              .append("</td><td class=\"").append(r.failures() == 0 ? "ok\">none" : "bug\">" + r.failures() + " " + Page.esc(r.failuresByOracle().toString())
                      + "<div class=\"small\">" + Page.esc(offloadsim.reports.findings.LedgerCheck.firstLine(r)) + "</div>").append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>Coverage</h2>").append(CoverageHtml.LEGEND);
        for (int i = 0; i < entries.size(); i++) {
            ExplorationJson r = entries.get(i).result();
            sb.append(CoverageHtml.section(r.scenario() + " on " + r.variant() + ", " + r.strategyDescription(), r.coverage(), "cov-" + i));
        }
        sb.append("\n<h2>Failing interleavings</h2>");
        List<Showcase> all = new ArrayList<>();
        for (Entry e : entries) all.addAll(e.showcases());
        if (all.isEmpty()) sb.append("<p class=\"small\">none</p>\n");
        List<String> labels = new ArrayList<>();
        for (Entry e : entries) for (int i = 0; i < e.showcases().size(); i++) labels.add(findingOf(e, i));
        for (int i = 0; i < all.size(); i++) sb.append("<h3>").append(Page.esc(labels.get(i))).append("</h3>").append(Page.showcase(all.get(i), "run-" + i, i == 0));
        return sb.append("</body></html>\n").toString();
    }
}
