package offloadsim.model.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checker over a small in-memory index and Java sources: it accepts what the rules allow and fails,
 * with a message naming the comment and what the index has, on each kind of wrong citation.
 */
class TraceabilityCheckerTest {

    private static final String PRE = "49756a0d01", FIX = "6149ac8834";
    private static final String OFFLOAD = "pageserver/src/tenant/timeline/offload.rs", TENANT = "pageserver/src/tenant.rs";

    private static RustIndex index() {
        Map<String, List<RustIndex.Entry>> m = new LinkedHashMap<>();
        m.put(PRE, RustIndex.parse(PRE, List.of(
                "# a comment line",
                OFFLOAD + "\toffload_timeline\t31\t104",
                OFFLOAD + "\tremove_timeline_from_tenant\t110\t132",
                TENANT + "\tWalRedoManager::shutdown\t468\t477",
                TENANT + "\tshutdown\t468\t477",
                TENANT + "\tTenant::shutdown\t3316\t3427",
                TENANT + "\tshutdown\t3316\t3427")));
        m.put(FIX, RustIndex.parse(FIX, List.of(
                OFFLOAD + "\toffload_timeline\t32\t106",
                OFFLOAD + "\tremove_timeline_from_tenant\t112\t134",
                TENANT + "\tTenant::shutdown\t3325\t3436",
                TENANT + "\tshutdown\t3325\t3436")));
        return new RustIndex(m, Map.of("off.rs", OFFLOAD));
    }

    /** Checks one Java class holding {@code comment} above a method; {@code variant} puts it among the designs. */
    private static List<String> check(boolean variant, String... commentLines) {
        String name = variant ? "src/main/java/offloadsim/model/variants/Sample.java" : "src/main/java/offloadsim/model/tenant/Sample.java";
        StringBuilder src = new StringBuilder("package p;\n\nclass Sample {\n    int field;\n\n");
        for (String l : commentLines) src.append("    ").append(l).append('\n');
        src.append("    @Override\n    public String offloadTimeline(int x) {\n        return null;\n    }\n}\n");
        return problems(Map.of(name, src.toString()));
    }

    private static List<String> problems(Map<String, String> sources) {
        JavaRustComments.Result r = JavaRustComments.scanSources(new LinkedHashMap<>(sources));
        List<String> all = new ArrayList<>(r.problems());
        all.addAll(new TraceabilityChecker(index(), List.of(PRE, FIX), ModelTraceability::singleDesign).check(r.comments()));
        return all;
    }

    private static void assertOneProblem(List<String> problems, String... fragments) {
        assertEquals(1, problems.size(), "problems: " + problems);
        for (String f : fragments) assertTrue(problems.get(0).contains(f), "expected \"" + f + "\" in: " + problems.get(0));
    }

    @Test
    void acceptsExactRangesAtBothCommits() {
        assertEquals(List.of(), check(false, "// Rust: offload.rs:31-104 offload_timeline @49756a0d01; offload.rs:32-106 offload_timeline @6149ac8834"));
        assertEquals(List.of(), check(false, "// Rust: offload.rs:31-104 offload_timeline @49756a0d01; offload.rs:32-106 @6149ac8834 — the function is repeated"));
        assertEquals(List.of(), check(true, "// Rust: offload.rs:32-106 offload_timeline @6149ac8834"));
        assertEquals(List.of(), check(true, "// Rust: timeline/offload.rs:32-106 offload_timeline @6149ac8834"));
        assertEquals(List.of(), check(true, "// Rust: off.rs:32-106 offload_timeline @6149ac8834"));
        assertEquals(List.of(), check(true, "// Rust: offload.rs:32-106 offload_timeline @6149ac88343c455fc99b6fb8e49c5d8e92e7dec2"));
    }

    @Test
    void failsOnAWrongLineRange() {
        assertOneProblem(check(true, "// Rust: offload.rs:32-104 offload_timeline @6149ac8834"),
                "variants/Sample.java:6 (Sample.offloadTimeline)", "\"offload.rs:32-104 offload_timeline @6149ac8834\"",
                "range 32-104", "the index has offload_timeline at tenant/timeline/offload.rs:32-106 @6149ac8834");
        // the pre range cited at the fix commit
        assertOneProblem(check(false, "// Rust: offload.rs:31-104 offload_timeline @49756a0d01; offload.rs:31-104 @6149ac8834"),
                "offload.rs:31-104 @6149ac8834", "32-106");
    }

    @Test
    void failsOnAFunctionTheIndexDoesNotHave() {
        assertOneProblem(check(true, "// Rust: offload.rs:32-106 offload_timelines @6149ac8834"),
                "no function offload_timelines in pageserver/src/tenant/timeline/offload.rs at @6149ac8834",
                "the index has offload_timeline at tenant/timeline/offload.rs:32-106");
        // exists at pre only under another type's name, at the fix not in this file at all
        assertOneProblem(check(true, "// Rust: offload.rs:112-134 Tenant::remove_timeline_from_tenant @6149ac8834"),
                "no function Tenant::remove_timeline_from_tenant", "remove_timeline_from_tenant at tenant/timeline/offload.rs:112-134");
        assertOneProblem(check(true, "// Rust: tenant.rs:3325-3436 TenantShard::shutdown @6149ac8834"),
                "no function TenantShard::shutdown", "Tenant::shutdown at tenant.rs:3325-3436");
    }

    @Test
    void aNoteAllowsAPartOfTheFunctionAndOnlyAPart() {
        assertEquals(List.of(), check(true, "// Rust: offload.rs:75-93 offload_timeline (the L_O block) @6149ac8834"));
        assertEquals(List.of(), check(true, "// Rust: offload.rs:62 offload_timeline (set_state Stopping) @6149ac8834"));
        assertEquals(List.of(), check(true, "// Rust: offload.rs:32-106 offload_timeline (the whole of it, ends included) @6149ac8834"));
        assertOneProblem(check(true, "// Rust: offload.rs:75-93 offload_timeline @6149ac8834"),
                "does not fit the whole function", "add a note in parentheses");
        assertOneProblem(check(true, "// Rust: offload.rs:100-110 offload_timeline (runs past the end) @6149ac8834"),
                "does not fit a part (note \"runs past the end\")", "32-106");
    }

    @Test
    void aNameInSeveralImplsMatchesAnyOccurrence() {
        assertEquals(List.of(), check(true, "// Rust: tenant.rs:468-477 shutdown @49756a0d01"));
        assertEquals(List.of(), check(true, "// Rust: tenant.rs:3316-3427 shutdown @49756a0d01"));
        assertOneProblem(check(true, "// Rust: tenant.rs:3316-3400 shutdown @49756a0d01"),
                "shutdown at tenant.rs:468-477, shutdown at tenant.rs:3316-3427 @49756a0d01");
    }

    @Test
    void sharedCodeAccountsForPreAndFix() {
        assertOneProblem(check(false, "// Rust: offload.rs:32-106 offload_timeline @6149ac8834"),
                "tenant/Sample.java:6", "no clause for @49756a0d01", "none @commit (why)");
        assertEquals(List.of(), check(false, "// Rust: offload.rs:32-106 offload_timeline @6149ac8834; none @49756a0d01 (added by the fix)"));
        assertEquals(List.of(), check(false, "// Rust: none (a model-only helper)"));
    }

    @Test
    void aDesignCitesOneCommit() {
        assertOneProblem(check(true, "// Rust: offload.rs:31-104 offload_timeline @49756a0d01; offload.rs:32-106 @6149ac8834"),
                "a design models one commit", "@49756a0d01, @6149ac8834");
        assertEquals(List.of(), check(true, "// Rust: none (rejected design)"));
    }

    @Test
    void failsOnAnUnknownCommitOrFile() {
        assertOneProblem(check(true, "// Rust: offload.rs:32-106 offload_timeline @0123456789"), "no index for commit @0123456789");
        assertOneProblem(check(true, "// Rust: offloading.rs:32-106 offload_timeline @6149ac8834"), "no indexed file is offloading.rs", "files.txt");
    }

    @Test
    void longCommentsContinueOnIndentedLines() {
        assertEquals(List.of(), check(false,
                "// Rust: offload.rs:31-104 offload_timeline @49756a0d01;",
                "//   offload.rs:32-106 offload_timeline @6149ac8834",
                "//   — the description"));
        assertOneProblem(check(false,
                "// Rust: offload.rs:31-104 offload_timeline @49756a0d01;",
                "//   offload.rs:32-105 offload_timeline @6149ac8834"), "range 32-105");
    }

    @Test
    void reportsCommentsItCannotRead() {
        assertOneProblem(check(true, "// Rust: offload.rs offload_timeline (6149ac8834)"), "Sample.offloadTimeline", "cannot read clause");
        assertOneProblem(check(true, "// Rust: offload.rs:32-106 @6149ac8834"), "names no function");
        assertOneProblem(check(true, "/** Rust: offload.rs:32-106 offload_timeline @6149ac8834 */"), "must be a `// Rust:` line comment");
        String src = "package p;\nclass S {\n    // Rust: offload.rs:32-106 offload_timeline @6149ac8834\n    int field;\n"
                + "    void m() { int x = 1; // Rust: offload.rs:32-106 offload_timeline @6149ac8834\n    }\n}\n";
        List<String> p = problems(Map.of("src/main/java/offloadsim/model/variants/S.java", src));
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).contains("S.java:3: this `// Rust:` comment is neither inside a method nor directly above one"), p.get(0));
        assertTrue(p.get(1).contains("S.java:5: a Rust: citation must be a `// Rust:` line comment on its own line"), p.get(1));
    }

    @Test
    void aCommentInsideABodyBelongsToThatMethod() {
        String src = "package p;\nclass Outer {\n    static class Inner {\n        void step() {\n            int x = 1;\n"
                + "            // Rust: offload.rs:75-93 offload_timeline (the L_O block) @6149ac8834\n            x++;\n        }\n    }\n}\n";
        JavaRustComments.Result r = JavaRustComments.scanSources(new LinkedHashMap<>(Map.of("variants/Outer.java", src)));
        assertEquals(List.of(), r.problems());
        RustComment c = r.comments().get(0);
        assertEquals("Outer.Inner.step", c.owner());
        assertTrue(c.inBody());
        assertEquals(6, c.line());
    }

    @Test
    void theTableShowsOneRowPerCommentAndOneColumnPerCitedCommit() {
        String src = "package p;\nclass T {\n"
                + "    // Rust: offload.rs:31-104 offload_timeline @49756a0d01; offload.rs:32-106 @6149ac8834 — a | note\n    void a() {}\n"
                + "    // Rust: none (rejected design)\n    void b() {}\n}\n";
        JavaRustComments.Result r = JavaRustComments.scanSources(new LinkedHashMap<>(Map.of("T.java", src)));
        String table = TraceabilityTable.render(r.comments());
        assertEquals("""
                | Java | pre @49756a0d01 | fix (#10305) @6149ac8834 | note |
                |---|---|---|---|
                | `T.a` | `offload.rs:31-104` offload_timeline | `offload.rs:32-106` offload_timeline | a \\| note |
                | `T.b` | — | — | no upstream code: rejected design |
                """, table);
        assertNull(TraceabilityTable.replaceSection("no markers here", table));
        String readme = "before\n" + TraceabilityTable.BEGIN + "\nold\n" + TraceabilityTable.END + "\nafter\n";
        assertEquals("before\n" + TraceabilityTable.BEGIN + "\n" + table + TraceabilityTable.END + "\nafter\n",
                TraceabilityTable.replaceSection(readme, table));
    }

    @Test
    void aMethodThatSchedulesWithoutACommentIsListed() {
        String src = "package p;\nclass U {\n    void quiet() { int x = 1; }\n\n    void locks() {\n        try (var g = m.lock()) { }\n    }\n\n"
                + "    // Rust: none (a model-only helper)\n    void cited() {\n        sim.yieldPoint(\"x\");\n    }\n\n"
                + "    void citedInsideOnly() {\n        // Rust: offload.rs:62 offload_timeline (a step) @6149ac8834\n        sim.preemptionPoint(\"y\");\n    }\n}\n";
        JavaRustComments.Result r = JavaRustComments.scanSources(new LinkedHashMap<>(Map.of("variants/U.java", src)));
        assertEquals(List.of("variants/U.java:5 (U.locks)", "variants/U.java:14 (U.citedInsideOnly)"), r.uncited());
    }
}
