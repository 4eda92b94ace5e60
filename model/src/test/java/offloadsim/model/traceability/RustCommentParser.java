package offloadsim.model.traceability;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of a {@code // Rust:} comment (model/README.md, "Traceability", states it for people):
 * <pre>
 *   comment     = "// Rust: " body [ " — " description ]
 *   body        = "none (" reason ")"  |  clause { "; " clause }
 *   clause      = file ":" first [ "-" last ] [ " " function ] [ " (" note ")" ] " @" commit
 *               | "none @" commit " (" reason ")"
 * </pre>
 * A clause without a function repeats the previous clause's. A clause with a note cites a part of the
 * function; without one it cites the whole function.
 */
final class RustCommentParser {
    private RustCommentParser() {}

    static final String DESCRIPTION_SEPARATOR = " — ";

    private static final String NOTE = "\\((?<note>[^()]*(?:\\([^()]*\\)[^()]*)*)\\)";
    private static final Pattern CLAUSE = Pattern.compile(
            "(?<file>[A-Za-z0-9_./-]+\\.rs):(?<first>\\d+)(?:-(?<last>\\d+))?"
                    + "(?:\\s+(?<fn>[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*))?"
                    + "(?:\\s+" + NOTE + ")?"
                    + "\\s+@(?<commit>[0-9a-f]{7,40})");
    private static final Pattern NONE_AT = Pattern.compile("none\\s+@(?<commit>[0-9a-f]{7,40})\\s+\\((?<reason>.+)\\)");
    private static final Pattern NONE = Pattern.compile("none\\s+\\((?<reason>.+)\\)");

    static final String GRAMMAR = "expected `file.rs:first-last function [(part)] @commit; …`, `none @commit (why)` as a clause, "
            + "or `none (why)`, optionally followed by ` — description`";

    /** Thrown with a message that names the part of the comment it could not read. */
    static final class ParseException extends Exception {
        ParseException(String message) {
            super(message);
        }
    }

    static RustComment parse(String source, int line, String owner, boolean inBody, String text) throws ParseException {
        String body = text.strip();
        String description = null;
        int dash = body.indexOf(DESCRIPTION_SEPARATOR);
        if (dash >= 0) {
            description = body.substring(dash + DESCRIPTION_SEPARATOR.length()).strip();
            body = body.substring(0, dash).strip();
        }
        if (body.isEmpty()) throw new ParseException("empty citation; " + GRAMMAR);
        Matcher none = NONE.matcher(body);
        if (none.matches()) {
            return new RustComment(source, line, owner, inBody, text.strip(), List.of(), none.group("reason").strip(), description);
        }
        List<RustComment.Clause> clauses = new ArrayList<>();
        String lastFunction = null;
        for (String raw : body.split(";")) {
            String c = raw.strip();
            Matcher n = NONE_AT.matcher(c);
            if (n.matches()) {
                clauses.add(new RustComment.Clause(c, null, 0, 0, null, null, n.group("commit"), n.group("reason").strip()));
                continue;
            }
            Matcher m = CLAUSE.matcher(c);
            if (!m.matches()) throw new ParseException("cannot read clause \"" + c + "\"; " + GRAMMAR);
            int first = Integer.parseInt(m.group("first"));
            int last = m.group("last") == null ? first : Integer.parseInt(m.group("last"));
            if (last < first) throw new ParseException("clause \"" + c + "\": the range " + first + "-" + last + " runs backwards");
            String fn = m.group("fn") != null ? m.group("fn") : lastFunction;
            if (fn == null) throw new ParseException("clause \"" + c + "\" names no function (only a later clause may leave it out, to repeat the previous one)");
            lastFunction = fn;
            clauses.add(new RustComment.Clause(c, m.group("file"), first, last, fn, m.group("note"), m.group("commit"), null));
        }
        return new RustComment(source, line, owner, inBody, text.strip(), List.copyOf(clauses), null, description);
    }
}
