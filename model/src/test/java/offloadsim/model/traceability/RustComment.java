package offloadsim.model.traceability;

import java.util.List;

/**
 * One {@code // Rust:} comment of the model: where it is, the Java method it belongs to, and what it
 * cites. Either {@link #noneReason} is set (the Java has no upstream code at any commit: a rejected design,
 * a model-only helper) or {@link #clauses} holds at least one clause.
 *
 * @param source    the Java file, relative to the module (for messages)
 * @param line      1-based line of the comment
 * @param owner     {@code Class.method} of the method the comment is above, or inside
 * @param inBody    true when the comment sits inside the method's body (it describes one step of it)
 * @param text      the comment's text after {@code Rust:}
 */
record RustComment(String source, int line, String owner, boolean inBody, String text,
                   List<Clause> clauses, String noneReason, String description) {

    /**
     * One citation: {@code file:first-last function (note) @commit}, or {@code none @commit (reason)} when
     * the function has no counterpart at that commit. A note makes the range a part of the function.
     */
    record Clause(String text, String file, int first, int last, String function, String note, String commit, String noneReason) {
        boolean none() {
            return noneReason != null;
        }

        String range() {
            return first + "-" + last;
        }
    }

    String where() {
        return source + ":" + line + " (" + owner + (inBody ? ", inside" : "") + ")";
    }
}
