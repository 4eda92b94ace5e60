package offloadsim.model.traceability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** model/README.md's traceability table, generated from the {@code // Rust:} comments. */
final class TraceabilityTable {
    private TraceabilityTable() {}

    /** The modelled commits, in the order the table shows them, with what the README calls them. */
    static final Map<String, String> COMMITS = labels();

    static final String BEGIN = "<!-- BEGIN traceability table: generated from the // Rust: comments by TraceabilityTableTest; do not edit -->";
    static final String END = "<!-- END traceability table -->";

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("49756a0d01", "pre");
        m.put("6149ac8834", "fix (#10305)");
        m.put("6a35a3e9f1", "HEAD");
        return m;
    }

    static String render(List<RustComment> comments) {
        List<RustComment> rows = new ArrayList<>(comments);
        rows.sort(Comparator.comparing(RustComment::source).thenComparingInt(RustComment::line));
        List<String> columns = new ArrayList<>();
        for (String c : COMMITS.keySet()) if (rows.stream().anyMatch(r -> cites(r, c))) columns.add(c);
        rows.stream().flatMap(r -> r.clauses().stream()).map(RustComment.Clause::commit).distinct().sorted()
                .filter(c -> columns.stream().noneMatch(k -> same(k, c))).forEach(columns::add);
        StringBuilder sb = new StringBuilder();
        sb.append("| Java |");
        for (String c : columns) sb.append(' ').append(COMMITS.getOrDefault(c, "")).append(" @").append(c).append(" |");
        sb.append(" note |\n|---|");
        sb.append("---|".repeat(columns.size())).append("---|\n");
        for (RustComment r : rows) {
            sb.append("| `").append(r.owner()).append('`').append(r.inBody() ? " (a step inside)" : "").append(" |");
            for (String c : columns) {
                List<String> cell = new ArrayList<>();
                if (r.noneReason() != null) cell.add("—");
                for (RustComment.Clause cl : r.clauses()) {
                    if (!same(c, cl.commit())) continue;
                    if (cl.none()) cell.add("none (" + cl.noneReason() + ")");
                    else cell.add("`" + cl.file() + ":" + cl.range() + "` " + cl.function() + (cl.note() == null ? "" : " (" + cl.note() + ")"));
                }
                sb.append(' ').append(escape(String.join("<br>", cell))).append(" |");
            }
            String note = r.noneReason() != null ? "no upstream code: " + r.noneReason() : "";
            if (r.description() != null) note = note.isEmpty() ? r.description() : note + "; " + r.description();
            sb.append(' ').append(escape(note)).append(" |\n");
        }
        return sb.toString();
    }

    /** {@code readme} with the text between the markers replaced by {@code table}; null if a marker is missing. */
    static String replaceSection(String readme, String table) {
        int b = readme.indexOf(BEGIN), e = readme.indexOf(END);
        if (b < 0 || e < b) return null;
        return readme.substring(0, b + BEGIN.length()) + "\n" + table + readme.substring(e);
    }

    private static boolean cites(RustComment r, String commit) {
        return r.clauses().stream().anyMatch(cl -> same(commit, cl.commit()));
    }

    private static boolean same(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
