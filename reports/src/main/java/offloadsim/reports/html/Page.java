package offloadsim.reports.html;

import java.util.List;

/** The parts every HTML report shares: the head with its stylesheet (no network), escaping, a failing run's section. */
public final class Page {
    private Page() {}

    public static String head(String title) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title><style>\n"
                + "body{font:14px/1.45 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328;margin:24px 32px;max-width:1400px}"
                + "h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}"
                + "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:5px 9px;text-align:left;vertical-align:top}th{background:#f6f8fa}"
                + "td.ok{background:#dafbe1}td.bug{background:#fff8c5}td.bad{background:#ffebe9;font-weight:600}.small{color:#59636e;font-size:12px}"
                + ".verdict{font-size:16px;padding:8px 12px;border-radius:6px;display:inline-block;margin:8px 0}.pass{background:#dafbe1}.fail{background:#ffebe9}"
                + "code,pre{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}pre{background:#f6f8fa;padding:10px;border-radius:6px;overflow-x:auto;white-space:pre-wrap}"
                + ".swim{overflow-x:auto;border:1px solid #d0d7de;border-radius:6px;margin:8px 0}svg text.lane{font:600 12px sans-serif;fill:#1f2328}"
                + "svg text.label{font:11px ui-monospace,monospace;fill:#1f2328}svg text.sub{font:10px sans-serif;fill:#59636e}details{margin:6px 0}summary{cursor:pointer;font-weight:600}"
                + "</style></head><body>\n";
    }

    /** One failing run as a collapsible section: swimlane, numbered story, how much shrinking removed, replay command. */
    public static String showcase(Showcase sc, String anchor, boolean open) {
        StringBuilder sb = new StringBuilder("<details id=\"").append(anchor).append("\"").append(open ? " open" : "").append("><summary>")
                .append(esc(sc.scenario())).append(" on ").append(esc(sc.variant())).append(" — ").append(esc(sc.run().outcome().oracle())).append("</summary>\n");
        sb.append("<div class=\"small\">").append(esc(sc.shrinkNote())).append("</div>");
        sb.append("<div class=\"swim\">").append(Swimlane.svg(sc.segments(), sc.run().outcome().isFailure())).append("</div>\n<pre>");
        for (String l : sc.story()) sb.append(esc(l)).append('\n');
        return sb.append("</pre><div class=\"small\">replay: <code>").append(esc(sc.replay())).append("</code></div></details>\n").toString();
    }

    public static String storyBlock(List<String> story) {
        StringBuilder sb = new StringBuilder();
        for (String l : story) sb.append("    ").append(l).append('\n');
        return sb.toString();
    }

    public static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
