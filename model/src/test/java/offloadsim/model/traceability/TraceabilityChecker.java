package offloadsim.model.traceability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks {@code // Rust:} comments against the {@link RustIndex}. The rules (model/README.md states them
 * for people):
 * <ol>
 *   <li>Every clause's commit has an index, and its file names exactly one indexed file (a path, or the
 *       end of one after a {@code /}: {@code offload.rs}, {@code timeline/delete.rs}).</li>
 *   <li>The function exists in that file at that commit ({@code Type::method} or {@code method}).</li>
 *   <li>Without a note, the range is the function's: from the line of {@code fn} to the line of its
 *       closing brace. With a note in parentheses it is a part of it: inside those lines, ends included.
 *       Where a name occurs more than once in the file, one occurrence must fit.</li>
 *   <li>A comment in a design of its own (a source the {@code singleDesign} predicate picks: the classes
 *       of {@code offloadsim.model.variants}) cites one commit only, or none. Every other comment accounts
 *       for each commit in {@code shared}: a clause at it, or {@code none @commit (why)}.</li>
 * </ol>
 * Each problem is one line: where the comment is, the clause, what is wrong, and what the index has.
 */
final class TraceabilityChecker {

    private final RustIndex index;
    private final List<String> shared;
    private final Predicate<String> singleDesign;

    TraceabilityChecker(RustIndex index, List<String> shared, Predicate<String> singleDesign) {
        this.index = index;
        this.shared = shared;
        this.singleDesign = singleDesign;
    }

    List<String> check(List<RustComment> comments) {
        List<String> problems = new ArrayList<>();
        for (RustComment c : comments) {
            for (RustComment.Clause cl : c.clauses()) {
                String p = checkClause(cl);
                if (p != null) problems.add(c.where() + ": \"" + cl.text() + "\": " + p);
            }
            String cover = checkCoverage(c);
            if (cover != null) problems.add(c.where() + ": " + cover);
        }
        return problems;
    }

    private String checkClause(RustComment.Clause cl) {
        String commit = index.commit(cl.commit());
        if (commit == null) return "no index for commit @" + cl.commit() + " (indexed: " + String.join(", ", index.commits()) + ")";
        if (cl.none()) return null;
        List<String> paths = index.resolveFile(commit, cl.file());
        if (paths.isEmpty()) return "no indexed file is " + cl.file() + " at @" + commit + " (add it to rust-index/files.txt and re-run generate.py)";
        if (paths.size() > 1) return cl.file() + " is ambiguous at @" + commit + ": " + String.join(", ", paths) + " (write more of the path)";
        String path = paths.get(0);
        List<RustIndex.Entry> found = index.lookup(commit, path, cl.function());
        if (found.isEmpty()) {
            List<RustIndex.Entry> hints = index.hints(commit, path, cl.function());
            return "no function " + cl.function() + " in " + path + " at @" + commit
                    + (hints.isEmpty() ? " (nor anything of that name in the index)" : "; the index has " + describe(hints, commit));
        }
        for (RustIndex.Entry e : found) {
            boolean fits = cl.note() == null
                    ? cl.first() == e.first() && cl.last() == e.last()
                    : e.first() <= cl.first() && cl.last() <= e.last();
            if (fits) return null;
        }
        String want = cl.note() == null ? "the whole function" : "a part (note \"" + cl.note() + "\")";
        return "range " + cl.range() + " does not fit " + want + "; the index has " + describe(found, commit)
                + (cl.note() == null ? " (for a part of the function add a note in parentheses before @)" : "");
    }

    private String checkCoverage(RustComment c) {
        if (c.noneReason() != null) return null;
        Set<String> cited = new LinkedHashSet<>();
        for (RustComment.Clause cl : c.clauses()) {
            String k = index.commit(cl.commit());
            cited.add(k != null ? k : cl.commit());
        }
        if (singleDesign.test(c.source())) {
            return cited.size() == 1 ? null
                    : "a design models one commit, but this comment cites " + cited.stream().map(x -> "@" + x).collect(Collectors.joining(", "))
                      + " (cite one, or write `none (why)`)";
        }
        List<String> missing = shared.stream().filter(s -> cited.stream().noneMatch(x -> x.startsWith(s) || s.startsWith(x))).toList();
        return missing.isEmpty() ? null
                : "shared model code models " + shared.stream().map(x -> "@" + x).collect(Collectors.joining(" and "))
                  + ", but this comment has no clause for " + missing.stream().map(x -> "@" + x).collect(Collectors.joining(", "))
                  + " (add one, or `none @commit (why)` when the function does not exist there)";
    }

    private static String describe(List<RustIndex.Entry> entries, String commit) {
        return entries.stream().map(e -> e.name() + " at " + shortPath(e.path()) + ":" + e.range()).distinct()
                .collect(Collectors.joining(", ")) + " @" + commit;
    }

    static String shortPath(String path) {
        return path.replaceFirst("^pageserver/src/", "");
    }
}
