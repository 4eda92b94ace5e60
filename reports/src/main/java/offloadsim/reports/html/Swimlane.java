package offloadsim.reports.html;

import java.util.ArrayList;
import java.util.List;

/** An SVG swimlane of one interleaving: a lane per task, a box per segment, the failing segment in red. */
public final class Swimlane {
    private static final int LANE_H = 66;
    private static final int BOX_W = 236;
    private static final int BOX_H = 52;
    private static final int LEFT = 150;

    private Swimlane() {}

    public static String svg(List<Segments.Segment> segments, boolean failed) {
        List<String> lanes = new ArrayList<>();
        for (Segments.Segment s : segments) if (!lanes.contains(s.task())) lanes.add(s.task());
        int width = LEFT + segments.size() * (BOX_W + 8) + 20;
        int height = lanes.size() * LANE_H + 20;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swimlane\" width=\"").append(width).append("\" height=\"").append(height)
          .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\">\n");
        for (int i = 0; i < lanes.size(); i++) {
            int y = 10 + i * LANE_H;
            sb.append("<rect x=\"0\" y=\"").append(y).append("\" width=\"").append(width).append("\" height=\"").append(LANE_H)
              .append("\" fill=\"").append(i % 2 == 0 ? "#f6f8fa" : "#ffffff").append("\"/>\n");
            sb.append("<text x=\"8\" y=\"").append(y + LANE_H / 2 + 4).append("\" class=\"lane\">").append(esc(lanes.get(i))).append("</text>\n");
        }
        int prevX = -1;
        int prevY = -1;
        for (int k = 0; k < segments.size(); k++) {
            Segments.Segment s = segments.get(k);
            int lane = lanes.indexOf(s.task());
            int x = LEFT + k * (BOX_W + 8);
            int y = 10 + lane * LANE_H + (LANE_H - BOX_H) / 2;
            if (prevX >= 0)
                sb.append("<line x1=\"").append(prevX).append("\" y1=\"").append(prevY).append("\" x2=\"").append(x).append("\" y2=\"").append(y + BOX_H / 2)
                  .append("\" stroke=\"#8c959f\" stroke-width=\"1\" stroke-dasharray=\"3,3\"/>\n");
            boolean bad = failed && k == segments.size() - 1;
            boolean eventful = s.events().stream().anyMatch(e -> e.startsWith("state") || e.startsWith("arbiter") || e.startsWith("op"));
            String fill = bad ? "#ffebe9" : eventful ? "#ddf4ff" : "#ffffff";
            String stroke = bad ? "#cf222e" : eventful ? "#0969da" : "#8c959f";
            sb.append("<g><title>").append(esc(s.task() + "\n" + String.join("\n", s.labels()) + (s.events().isEmpty() ? "" : "\n—\n" + String.join("\n", s.events()))))
              .append("</title><rect x=\"").append(x).append("\" y=\"").append(y).append("\" rx=\"5\" width=\"").append(BOX_W).append("\" height=\"").append(BOX_H)
              .append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(bad ? 2.5 : 1.2).append("\"/>\n");
            // the Rust function and its await point on two lines, so labels read whole; the box's title has everything
            List<String> label = wrap(s.labels().getFirst(), LABEL_CHARS);
            for (int line = 0; line < label.size(); line++)
                sb.append("<text x=\"").append(x + 6).append("\" y=\"").append(y + 14 + 12 * line).append("\" class=\"label\">").append(esc(label.get(line))).append("</text>\n");
            String sub = s.events().stream().filter(e -> !e.startsWith("outcome")).findFirst().orElse(s.labels().size() > 1 ? "+" + (s.labels().size() - 1) + " steps" : "");
            sb.append("<text x=\"").append(x + 6).append("\" y=\"").append(y + 44).append("\" class=\"sub\">").append(esc(clip(sub, 42))).append("</text></g>\n");
            prevX = x + BOX_W;
            prevY = y + BOX_H / 2;
        }
        return sb.append("</svg>\n").toString();
    }

    private static final int LABEL_CHARS = 37;

    /** At most two lines: split after the function name's '/', then at the width; clipped only past two lines. */
    static List<String> wrap(String l, int width) {
        int slash = l.indexOf('/');
        String first = slash > 0 && slash < width && l.length() > width ? l.substring(0, slash + 1) : l.substring(0, Math.min(width, l.length()));
        String rest = l.substring(first.length());
        return rest.isEmpty() ? List.of(first) : List.of(first, clip(rest, width));
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
