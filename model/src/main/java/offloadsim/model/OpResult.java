package offloadsim.model;

/**
 * What a user-visible operation answered.
 *
 * @param op       operation name ("unarchive", "compaction", ...)
 * @param timeline the timeline it was about, or null
 * @param ok       whether it succeeded
 * @param error    the error variant name as in the Rust code ("NotArchived", "Cancelled",
 *                 "HasChildren", "AncestorNotActive", ...), or null when ok
 * @param detail   free text (HTTP status, offload outcome), may be null
 */
public record OpResult(String op, String timeline, boolean ok, String error, String detail) {

    public static OpResult ok(String op, String timeline) {
        return new OpResult(op, timeline, true, null, null);
    }

    public static OpResult ok(String op, String timeline, String detail) {
        return new OpResult(op, timeline, true, null, detail);
    }

    public static OpResult err(String op, String timeline, String error) {
        return new OpResult(op, timeline, false, error, null);
    }

    public static OpResult err(String op, String timeline, String error, String detail) {
        return new OpResult(op, timeline, false, error, detail);
    }

    @Override
    public String toString() {
        return op + (timeline == null ? "" : "(" + timeline + ")") + " -> " + (ok ? "Ok" : "Err(" + error + ")") + (detail == null ? "" : " " + detail);
    }
}
