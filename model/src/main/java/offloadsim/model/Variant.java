package offloadsim.model;

import java.util.Arrays;
import java.util.List;

/**
 * Selectable designs of the offload path. Everything else in the model is the same for every variant.
 */
public enum Variant {
    /** The code before Neon PR #10305 (commit 49756a0d01). */
    PRE_10305("pre-10305"),
    /** The adopted fix of #10305 (commit 6149ac8834): the upload-queue lock is the arbiter. */
    FIX_10305("fix-10305"),
    /** Rejected alternative 1: pre-fix code plus a re-check of can_offload right before offloading. */
    ALT_RECHECK("alt-recheck"),
    /** Rejected alternative 2: a new timeline state as the arbiter, set through the racy set_state (#10297). */
    ALT_STATE("alt-state");

    private final String id;

    Variant(String id) {
        this.id = id;
    }

    /** The name used on the command line and in reports. */
    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Variant::id).toList();
    }

    /** Looks a variant up by its name; throws IllegalArgumentException listing the known names. */
    public static Variant byId(String id) {
        for (Variant v : values()) if (v.id.equals(id)) return v;
        throw new IllegalArgumentException("unknown variant '" + id + "' (known: " + String.join(", ", ids()) + ")");
    }
}
