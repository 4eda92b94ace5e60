package offloadsim.scenarios.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * FINDINGS.md cannot go stale silently: every replay command it prints is replayed and must still end in
 * the oracle, the message, the length and the exact schedule its replay-expects marker states (the marker
 * sits right above the command's fence and repeats what the surrounding story says).
 */
class FindingsDocTest {

    /** §1's first replay as the document has it; the checks below edit one thing at a time. */
    private static final List<String> SECTION_1 = List.of(
            "**Story.** This is the shrunk run: 23 steps, 3 preemptions.",
            "",
            "<!-- replay-expects: oracle=panic steps=23 preemptions=3 message=\"Timeline grew children while we removed layer files (offload of t1, child t2)\" -->",
            "```",
            "./offload-sim replay --scenario branch-during-offload --variant head --schedule 'v1:2dc:01[1]0[10]1[2]0[5]' --trace",
            "```");

    @TestFactory
    Stream<DynamicTest> everyReplayInFindingsShowsWhatTheTextSays() throws IOException {
        FindingsDoc.Parsed doc = FindingsDoc.parse(FindingsDoc.locate());
        assertEquals(List.of(), doc.problems(), "FINDINGS.md has replay commands or markers that do not pair up");
        assertFalse(doc.replays().isEmpty(), "FINDINGS.md has no replay commands");
        List<DynamicTest> tests = new ArrayList<>();
        for (FindingsDoc.Replay r : doc.replays()) {
            tests.add(DynamicTest.dynamicTest("FINDINGS.md:" + r.line() + " " + r.scenario() + " on " + r.variant() + " ends in " + r.oracle(), () -> {
                List<String> problems = FindingsDoc.check(r);
                assertEquals(List.of(), problems, () -> "FINDINGS.md line " + r.line() + " is stale: re-derive the story and its marker\n  "
                        + r.command() + "\n  " + String.join("\n  ", problems));
            }));
        }
        return tests.stream();
    }

    @Test
    void theDocumentReplaysEveryRaceItNames() throws IOException {
        List<FindingsDoc.Replay> replays = FindingsDoc.parse(FindingsDoc.locate()).replays();
        // head shows each race of the summary; each refuted naive fix shows its story.
        for (String scenario : List.of("branch-during-offload", "archive-and-offload-during-branch", "unoffload-child-during-parent-offload",
                "archive-parent-during-unoffload", "stopping-is-terminal", "archival-chaos"))
            assertTrue(replays.stream().anyMatch(r -> r.variant().equals("head") && r.scenario().equals(scenario)), "no head replay of " + scenario);
        for (String variant : List.of("head+finish-creation-same-checks", "head+unarchive-none-is-archived"))
            assertTrue(replays.stream().anyMatch(r -> r.variant().equals(variant)), "no replay refuting " + variant);
    }

    @Test
    void theExampleAsWrittenPasses() {
        FindingsDoc.Parsed p = FindingsDoc.parse(SECTION_1);
        assertEquals(List.of(), p.problems());
        assertEquals(1, p.replays().size());
        assertEquals(List.of(), FindingsDoc.check(p.replays().getFirst()));
    }

    @Test
    void aStaleScheduleIsCaught() {
        // the §1 schedule written before the fidelity merges: on the current model it ends OK, early
        List<String> doc = edit("'v1:2dc:01[1]0[10]1[2]0[5]'", "'v1:b:0[6]1[1]0[3]1[3]0[4]'", 4);
        List<String> problems = FindingsDoc.check(FindingsDoc.parse(doc).replays().getFirst());
        assertFalse(problems.isEmpty());
        assertTrue(problems.getFirst().contains("not in panic"), problems::toString);
    }

    @Test
    void aWrongOracleMessageOrLengthIsCaught() {
        assertTrue(problemsWithMarker("oracle=panic", "oracle=ancestor-closure").stream().anyMatch(p -> p.startsWith("oracle panic")));
        assertTrue(problemsWithMarker("child t2)", "child t3)").stream().anyMatch(p -> p.contains("does not contain")));
        assertTrue(problemsWithMarker("steps=23", "steps=22").stream().anyMatch(p -> p.contains("the text says 22 steps")));
    }

    @Test
    void extraDecisionsPastTheEndOfTheRunAreCaught() {
        List<String> doc = edit("0[5]'", "0[5]1[3]'", 4);
        List<String> problems = FindingsDoc.check(FindingsDoc.parse(doc).replays().getFirst());
        assertTrue(problems.stream().anyMatch(p -> p.contains("not the one written")), problems::toString);
    }

    @Test
    void aCommandWithoutItsMarkerOrAMarkerWithoutItsCommandIsAProblem() {
        List<String> noMarker = new ArrayList<>(SECTION_1);
        noMarker.remove(2);
        FindingsDoc.Parsed p = FindingsDoc.parse(noMarker);
        assertTrue(p.replays().isEmpty());
        assertTrue(p.problems().getFirst().contains("no replay-expects marker"), p.problems()::toString);

        List<String> noCommand = new ArrayList<>(SECTION_1.subList(0, 3));
        assertTrue(FindingsDoc.parse(noCommand).problems().getFirst().contains("no replay command follows"));

        List<String> bySeed = List.of("```", "./offload-sim replay --scenario archival-chaos --variant head --seed 93 --trace", "```");
        assertTrue(FindingsDoc.parse(bySeed).problems().getFirst().contains("replay by seed"));
    }

    @Test
    void anUnknownVariantIsAProblemNotACrash() {
        List<String> doc = edit("--variant head ", "--variant head+nothing ", 4);
        List<String> problems = FindingsDoc.check(FindingsDoc.parse(doc).replays().getFirst());
        assertTrue(problems.getFirst().contains("unknown variant 'head+nothing'"), problems::toString);
    }

    private static List<String> problemsWithMarker(String from, String to) {
        return FindingsDoc.check(FindingsDoc.parse(edit(from, to, 2)).replays().getFirst());
    }

    /** SECTION_1 with {@code from} replaced by {@code to} on line {@code index} (0-based; the marker is 2, the command 4). */
    private static List<String> edit(String from, String to, int index) {
        List<String> doc = new ArrayList<>(SECTION_1);
        String line = doc.get(index);
        if (!line.contains(from)) throw new IllegalArgumentException("'" + from + "' not on line " + index + ": " + line);
        doc.set(index, line.replace(from, to));
        return doc;
    }
}
