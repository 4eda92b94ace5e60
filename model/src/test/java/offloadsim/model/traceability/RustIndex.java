package offloadsim.model.traceability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The checked-in index of Rust function names and line ranges, one {@code <commit>.tsv} per modelled
 * Neon commit (written to {@code src/main/resources/offloadsim/rust-index} by {@code src/test/resources/rust-index/generate.py}; the CLI cites it in stories). A method is listed both as
 * {@code Type::method} and as {@code method}; a range runs from the line of {@code fn} to the line of
 * the closing brace.
 */
final class RustIndex {

    record Entry(String path, String name, int first, int last) {
        String range() {
            return first + "-" + last;
        }
    }

    /** Short commit (the file name) → its entries, in file order. */
    private final Map<String, List<Entry>> byCommit;
    /** Short names a comment may use for a path (files.txt's extra columns). */
    private final Map<String, String> aliases;

    RustIndex(Map<String, List<Entry>> byCommit) {
        this(byCommit, Map.of());
    }

    RustIndex(Map<String, List<Entry>> byCommit, Map<String, String> aliases) {
        this.byCommit = byCommit;
        this.aliases = aliases;
    }

    /** Every {@code *.tsv} in {@code dir}, keyed by the file name without extension; aliases from {@code aliasFile}. */
    static RustIndex load(Path dir, Path aliasFile) throws IOException {
        Map<String, List<Entry>> m = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".tsv")).sorted().toList()) {
                String commit = f.getFileName().toString().replaceFirst("\\.tsv$", "");
                m.put(commit, parse(commit, Files.readAllLines(f, StandardCharsets.UTF_8)));
            }
        }
        if (m.isEmpty()) throw new IOException("no *.tsv index in " + dir);
        Map<String, String> aliases = new LinkedHashMap<>();
        if (Files.exists(aliasFile)) {
            for (String l : Files.readAllLines(aliasFile, StandardCharsets.UTF_8)) {
                String[] f = l.replaceFirst("#.*", "").trim().split("\\s+");
                for (int i = 1; i < f.length; i++) aliases.put(f[i], f[0]);
            }
        }
        return new RustIndex(m, aliases);
    }

    /** Rows of {@code path \t name \t first \t last}; lines starting with # are comments. */
    static List<Entry> parse(String commit, List<String> lines) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#")) continue;
            String[] f = l.split("\t");
            if (f.length != 4) throw new IllegalArgumentException(commit + ".tsv:" + (i + 1) + ": expected 4 tab-separated columns");
            out.add(new Entry(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3])));
        }
        return out;
    }

    List<String> commits() {
        return List.copyOf(byCommit.keySet());
    }

    /** The index's key for a commit written in a comment (either may be the longer prefix), or null. */
    String commit(String written) {
        for (String c : byCommit.keySet()) if (c.startsWith(written) || written.startsWith(c)) return c;
        return null;
    }

    /** Indexed paths at {@code commit} that are {@code token} (or what it abbreviates) or end with {@code "/" + token}. */
    List<String> resolveFile(String commit, String token) {
        String alias = aliases.get(token);
        if (alias != null) token = alias;
        TreeSet<String> paths = new TreeSet<>();
        for (Entry e : byCommit.get(commit)) if (e.path().equals(token) || e.path().endsWith("/" + token)) paths.add(e.path());
        return List.copyOf(paths);
    }

    List<Entry> lookup(String commit, String path, String name) {
        return byCommit.get(commit).stream().filter(e -> e.path().equals(path) && e.name().equals(name)).toList();
    }

    /**
     * Hints for a name the index does not have in the cited file: the functions with the same last
     * segment anywhere (qualified names preferred), else the cited file's functions with a close name.
     */
    List<Entry> hints(String commit, String path, String name) {
        String bare = bare(name);
        List<Entry> all = byCommit.get(commit);
        List<Entry> same = preferQualified(all.stream().filter(e -> bare(e.name()).equals(bare)).toList());
        if (!same.isEmpty()) return same;
        return preferQualified(all.stream().filter(e -> e.path().equals(path))
                .filter(e -> distance(bare(e.name()), bare) <= 3)
                .toList());
    }

    private static String bare(String name) {
        return name.substring(name.lastIndexOf(':') + 1);
    }

    /** One entry per function (path and first line), its qualified name where it has one. */
    private static List<Entry> preferQualified(List<Entry> entries) {
        Map<String, Entry> one = new LinkedHashMap<>();
        for (Entry e : entries) one.merge(e.path() + ":" + e.first(), e, (a, b) -> a.name().contains("::") ? a : b);
        return List.copyOf(one.values());
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
