package offloadsim.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a scheduling point's Rust function is at a modelled commit, for stories: the label's function
 * part ({@code offload_timeline/shutdown_if_archived} → {@code offload_timeline}) looked up in the checked-in
 * function index ({@code offloadsim/rust-index/<commit>.tsv}, names and line numbers only).
 */
public final class RustSource {
    private static final Map<String, List<String[]>> INDEX = new TreeMap<>();

    private RustSource() {}

    /** {@code file.rs:first-last} of the label's function at {@code commit}, or null if the index has no such function. */
    public static String cite(String commit, String label) {
        String fn = functionOf(label);
        if (!fn.contains("_") && !fn.contains("::")) return null; // "start", "join t1": the scheduler's own points

        List<String[]> rows = rows(commit);
        String[] hit = null;
        for (String[] r : rows) if (r[1].equals(fn)) { hit = r; break; }
        int sep = fn.lastIndexOf("::");
        if (hit == null && sep > 0) { // Tenant::shutdown is TenantShard::shutdown at HEAD
            String type = fn.substring(0, sep), method = fn.substring(sep + 2);
            for (String[] r : rows) {
                int rs = r[1].lastIndexOf("::");
                if (rs > 0 && r[1].substring(rs + 2).equals(method) && r[1].substring(0, rs).startsWith(type)) { hit = r; break; }
            }
        }
        if (hit == null) return null;
        String file = hit[0].substring(hit[0].lastIndexOf('/') + 1);
        return file + ":" + hit[2] + "-" + hit[3];
    }

    /** The function part of a scheduling label: before the first '/', or before the first space. */
    static String functionOf(String label) {
        String s = label;
        int slash = s.indexOf('/');
        if (slash >= 0) s = s.substring(0, slash);
        int space = s.indexOf(' ');
        if (space >= 0) s = s.substring(0, space);
        return s.strip();
    }

    private static synchronized List<String[]> rows(String commit) {
        return INDEX.computeIfAbsent(commit, RustSource::load);
    }

    private static List<String[]> load(String commit) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = RustSource.class.getResourceAsStream("/offloadsim/rust-index/" + commit + ".tsv")) {
            if (in == null) return out;
            var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l; (l = r.readLine()) != null; ) {
                if (l.isBlank() || l.startsWith("#")) continue;
                String[] f = l.split("\t");
                if (f.length == 4) out.add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
