package offloadsim.reports.html;

import java.util.List;
import offloadsim.reports.json.CoverageJson;

/** A cell's or an exploration's coverage figures as a collapsible section, with the class names the DOM test reads. */
public final class CoverageHtml {
    private CoverageHtml() {}

    /** How to read the figures, once per page. */
    public static final String LEGEND = "<p class=\"small\">A <b>point</b> is a scheduling point the model declares (a Rust <code>.await</code>, a pause between two "
            + "critical sections, a labelled wait, a contended lock, a failpoint); it is <b>reached</b> when some task was suspended there "
            + "(a failpoint: when the code passed it), so the scheduler could run another task before it went on. A <b>pair</b> p ⇢ q is a context "
            + "switch the search made: a task stood at p while a different task ran on from q. <b>Unreached</b> points of this variant are listed "
            + "first for the Rust functions the cell entered (gaps in code it ran), then the rest. The universe is the model's point registry, "
            + "generated from and checked against the source on every build.</p>\n";

    /** The one-line figure for a table cell, linking to the section. */
    public static String badge(CoverageJson c, String anchor) {
        if (c == null) return "";
        return "<div class=\"small cov-badge\"><a href=\"#" + anchor + "\">" + Page.esc(c.summary()) + "</a></div>";
    }

    public static String section(String title, CoverageJson c, String anchor) {
        if (c == null) return "";
        StringBuilder sb = new StringBuilder("<details class=\"coverage\" id=\"").append(anchor).append("\"><summary>").append(Page.esc(title))
                .append(" — <span class=\"cov-summary\">").append(Page.esc(c.summary())).append("</span></summary>\n");
        if (!c.undeclared().isEmpty()) sb.append("<p class=\"cov-undeclared\"><b>Undeclared labels</b> (the point registry is out of date): ").append(list(c.undeclared())).append("</p>");
        List<String> elsewhere = c.unreached().stream().filter(p -> !c.unreachedInEnteredFunctions().contains(p)).toList();
        sb.append("<h4>Never reached in functions it entered (").append(c.unreachedInEnteredFunctions().size()).append(")</h4><ul class=\"cov-gaps\">");
        for (String p : c.unreachedInEnteredFunctions()) sb.append("<li><code>").append(Page.esc(p)).append("</code></li>");
        sb.append("</ul><h4>Never reached elsewhere (").append(elsewhere.size()).append(")</h4><div class=\"small cov-unreached\">").append(list(elsewhere)).append("</div>");
        sb.append("<h4>Reached (").append(c.pointsReached()).append(" of ").append(c.pointsDeclared()).append(", times suspended there)</h4><table class=\"cov-reached\"><tr><th>point</th><th>times</th></tr>");
        c.reached().forEach((p, n) -> sb.append("<tr><td><code>").append(Page.esc(p)).append("</code></td><td>").append(n).append("</td></tr>"));
        sb.append("</table><h4>Interleaved pairs (").append(c.pairCount()).append(")</h4><table class=\"cov-pairs\"><tr><th>a task stood at</th><th>while another ran on from</th></tr>");
        for (CoverageJson.Pair p : c.pairs()) sb.append("<tr><td><code>").append(Page.esc(p.from())).append("</code></td><td><code>").append(Page.esc(p.to())).append("</code></td></tr>");
        return sb.append("</table></details>\n").toString();
    }

    private static String list(List<String> ps) {
        if (ps.isEmpty()) return "none";
        StringBuilder sb = new StringBuilder();
        for (String p : ps) sb.append(sb.isEmpty() ? "" : ", ").append("<code>").append(Page.esc(p)).append("</code>");
        return sb.toString();
    }
}
