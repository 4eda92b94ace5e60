package offloadsim.reports.html;

import java.util.List;
import offloadsim.reports.json.Json;

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
                + ".stepper{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:8px 0}.stepper .bar{display:flex;gap:8px;align-items:center}"
                + ".stepper input[type=range]{flex:1}.stepper .cols{display:grid;grid-template-columns:1fr 1fr 1fr;gap:12px}.stepper h4{margin:6px 0 2px;font-size:13px}"
                + ".stepper ul{margin:0;padding-left:18px;font:12px ui-monospace,monospace}.stepper .now{font:12px ui-monospace,monospace;background:#ddf4ff;padding:4px 6px;border-radius:4px}"
                + "tr.failed td{background:#ffebe9}"
                + "</style>\n<script>\n" + STEPPER_JS + "</script></head><body>\n";
    }

    /** One failing run as a collapsible section: swimlane, numbered story, how much shrinking removed, replay command. */
    public static String showcase(Showcase sc, String anchor, boolean open) {
        StringBuilder sb = new StringBuilder("<details id=\"").append(anchor).append("\"").append(open ? " open" : "").append("><summary>")
                .append(esc(sc.scenario())).append(" on ").append(esc(sc.variant())).append(" — ").append(esc(sc.run().outcome().oracle())).append("</summary>\n");
        sb.append("<div class=\"small\">").append(esc(sc.shrinkNote())).append("</div>");
        sb.append("<div class=\"swim\">").append(Swimlane.svg(sc.segments(), sc.run().outcome().isFailure())).append("</div>\n<pre>");
        for (String l : sc.story()) sb.append(esc(l)).append('\n');
        sb.append("</pre><div class=\"small\">replay: <code>").append(esc(sc.replay())).append("</code></div>\n");
        sb.append(stepper(sc.steps())).append(sideBySide(sc.sideBySide()));
        return sb.append("</details>\n").toString();
    }

    /**
     * The step-through viewer: a slider (and the arrow keys) over the run's steps; at each step the task
     * and its Rust await point, what it did, the world after it (maps, states, upload queues, remote
     * storage), the locks each task holds and the answers so far. The steps travel as JSON in the page.
     */
    static String stepper(List<Steps.Step> steps) {
        if (steps == null || steps.isEmpty()) return "";
        String json = Json.write(steps).replace("</", "<\\/");
        return "<div class=\"stepper\" tabindex=\"0\"><div class=\"bar\"><button class=\"prev\" type=\"button\">◀</button>"
                + "<input type=\"range\" min=\"0\" max=\"" + (steps.size() - 1) + "\" value=\"0\" aria-label=\"step\">"
                + "<button class=\"next\" type=\"button\">▶</button><span class=\"pos small\"></span></div>"
                + "<div class=\"now\"></div><div class=\"cols\"><div><h4>world after this step</h4><ul class=\"state\"></ul></div>"
                + "<div><h4>what the step did</h4><ul class=\"events\"></ul><h4>locks held</h4><ul class=\"locks\"></ul></div>"
                + "<div><h4>answers so far</h4><ul class=\"answers\"></ul></div></div>"
                + "<script type=\"application/json\" class=\"steps\">" + json + "</script></div>\n";
    }

    /** The same schedule on every design, one row each. */
    static String sideBySide(List<SideBySide.Row> rows) {
        if (rows == null || rows.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("<h4>The same schedule on every variant</h4><table class=\"side\"><tr><th>variant</th><th>outcome</th><th>answers</th><th>final state</th></tr>");
        for (SideBySide.Row r : rows) {
            sb.append("<tr").append(r.failed() ? " class=\"failed\"" : "").append("><td>").append(esc(r.variant())).append("</td><td>").append(esc(r.outcome()))
              .append(r.exact() ? "" : "<div class=\"small\">(the schedule did not fit exactly: default decisions filled in)</div>").append("</td><td><code>")
              .append(esc(String.join("\n", r.answers())).replace("\n", "<br>")).append("</code></td><td><code>")
              .append(esc(String.join("\n", r.finalState())).replace("\n", "<br>")).append("</code></td></tr>");
        }
        return sb.append("</table>\n").toString();
    }

    private static final String STEPPER_JS = """
            document.addEventListener('DOMContentLoaded', () => {
              for (const box of document.querySelectorAll('.stepper')) {
                const steps = JSON.parse(box.querySelector('script.steps').textContent);
                const range = box.querySelector('input[type=range]');
                const list = (cls, items) => {
                  const ul = box.querySelector('ul.' + cls);
                  ul.replaceChildren(...items.map(t => { const li = document.createElement('li'); li.textContent = t; return li; }));
                  if (!items.length) { const li = document.createElement('li'); li.textContent = '—'; ul.append(li); }
                };
                const show = i => {
                  i = Math.max(0, Math.min(steps.length - 1, i));
                  range.value = i;
                  const s = steps[i];
                  box.querySelector('.pos').textContent = 'step ' + i + ' of ' + (steps.length - 1);
                  box.querySelector('.now').textContent = i === 0 ? 'before the first step' : '#' + (s.index - 1) + ' [' + s.task + '] @' + s.label + (s.preemption ? ' (preemption)' : '');
                  list('state', s.state);
                  list('events', s.events);
                  list('locks', Object.entries(s.locks).map(([t, l]) => t + ': ' + l.join(', ')));
                  list('answers', s.answers);
                };
                range.addEventListener('input', () => show(+range.value));
                box.querySelector('.prev').addEventListener('click', () => show(+range.value - 1));
                box.querySelector('.next').addEventListener('click', () => show(+range.value + 1));
                box.addEventListener('keydown', e => {
                  if (e.key === 'ArrowLeft') { show(+range.value - 1); e.preventDefault(); }
                  if (e.key === 'ArrowRight') { show(+range.value + 1); e.preventDefault(); }
                });
                show(0);
              }
            });
            """;

    public static String storyBlock(List<String> story) {
        StringBuilder sb = new StringBuilder();
        for (String l : story) sb.append("    ").append(l).append('\n');
        return sb.toString();
    }

    public static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
