package offloadsim.scenarios.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import offloadsim.model.Variant;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.explore.StrategySpec;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunResult;
import org.junit.jupiter.api.Test;

/** Expected answers and states in scenario files: what a miss reports, and worlds that cannot exist. */
class ExpectationsInFilesTest {

    private static StaticScenario parse(String text) throws ScenarioFileException {
        return ScenarioFile.parse("t.yaml", text);
    }

    private static RunResult run(StaticScenario s, Variant v) {
        return Explorer.runSeed(s.program(v), StrategySpec.random().create(), 1, s.runOptions());
    }

    private static final String ARCHIVE_PARENT = """
            name: s
            world: {offloading: false, timelines: [{id: main}, {id: t1, ancestor: main}]}
            tasks:
              - name: user
                ops:
                  - {archive: main, expect: %s}
            """;

    @Test
    void aWrongExpectedAnswerIsAViolationNamingTaskOpExpectedAndActual() throws Exception {
        RunResult r = run(parse(ARCHIVE_PARENT.formatted("Ok")), Variant.FIX_10305);
        assertEquals("expectation", r.outcome().oracle());
        assertEquals("task user, tasks[0].ops[0] archive: main: expected Ok, got Err(HasUnarchivedChildren)", r.outcome().message());
        assertEquals("user", r.outcome().task());
    }

    @Test
    void errorNamesMatchExactlyByVariantNameOrAsOneOf() throws Exception {
        for (String ok : new String[] {"HasUnarchivedChildren", "Err", "[Ok, HasUnarchivedChildren]"})
            assertTrue(!run(parse(ARCHIVE_PARENT.formatted(ok)), Variant.FIX_10305).outcome().isFailure(), ok);
        assertEquals("expectation", run(parse(ARCHIVE_PARENT.formatted("[Ok, NotFound]")), Variant.FIX_10305).outcome().oracle());
    }

    @Test
    void finalStateExpectationsAreCheckedAtQuiescence() throws Exception {
        String text = """
                name: s
                world: {offloading: false, timelines: [{id: main}, {id: t1, ancestor: main}]}
                tasks:
                  - name: user
                    ops: [{archive: t1, expect: Ok}, {offload: t1, expect: Ok}]
                expect-final:
                  timelines: {t1: {map: %s}}
                  attach: succeeds
                """;
        assertTrue(!run(parse(text.formatted("offloaded")), Variant.FIX_10305).outcome().isFailure());
        RunResult r = run(parse(text.formatted("timelines")), Variant.FIX_10305);
        assertEquals("expectation", r.outcome().oracle());
        assertEquals("at quiescence: t1: expected map timelines; observed offloaded", r.outcome().message());
    }

    @Test
    void detachLeavesNoTenantAndAttachBringsTheNextGenerationBack() throws Exception {
        String text = """
                name: s
                world: {timelines: [{id: main}, {id: t1, ancestor: main, archived: true, offloaded: true}]}
                tasks:
                  - name: operator
                    ops:
                      - {detach: null, expect: Ok}
                      - {archive: t1, expect: TenantNotFound}
                      - expect-state: {tenant: Detached, timelines: {t1: {map: none}}}
                      - {detach: null, expect: NotFound}
                      - {attach: null, expect: Ok}
                      - {attach: null, expect: Conflict}
                      - {get-timeline: t1, expect: NotFound}
                      - {unarchive: t1, expect: Ok}
                      - {get-timeline: t1, expect: Ok}
                expect-final: {tenant: Active, timelines: {t1: {map: timelines, state: Active, archived: false}}}
                """;
        for (Variant v : Variant.values()) {
            RunResult r = run(parse(text), v);
            assertTrue(!r.outcome().isFailure(), v + ": " + r.outcome().summary());
        }
    }

    @Test
    void aRootTimelineIsCreatedIdempotentlyAndABranchIdIsAConflict() throws Exception {
        String text = """
                name: s
                world: {timelines: [{id: main}]}
                tasks:
                  - name: user
                    ops: [{create: r1, expect: Ok}, {create: r1, expect: Ok}, {create: main, expect: Ok}, {branch: {from: main, new: b1}, expect: Ok}, {create: b1, expect: Conflict}, {endpoint-start: r1, expect: Ok}]
                expect-final: {timelines: {r1: {map: timelines, state: Active, archived: false}}, attach: succeeds}
                """;
        RunResult r = run(parse(text), Variant.FIX_10305);
        assertTrue(!r.outcome().isFailure(), r.outcome().summary());
    }

    @Test
    void impossibleWorldsAreBadInput() {
        var cycle = assertThrows(ScenarioFileException.class, () -> parse("""
                name: s
                world: {timelines: [{id: a, ancestor: b}, {id: b, ancestor: a}]}
                tasks: [{name: u, ops: [compaction]}]
                """));
        assertEquals("t.yaml: world.timelines: impossible world: ancestry cycle: a -> b -> a", cycle.getMessage());
        var twice = assertThrows(ScenarioFileException.class, () -> parse("""
                name: s
                world: {timelines: [{id: a}, {id: a}]}
                tasks: [{name: u, ops: [compaction]}]
                """));
        assertTrue(twice.getMessage().contains("listed twice"), twice.getMessage());
        var orphan = assertThrows(ScenarioFileException.class, () -> parse("""
                name: s
                world: {timelines: [{id: main, archived: true, offloaded: true}, {id: t1, ancestor: main}]}
                tasks: [{name: u, ops: [compaction]}]
                """));
        assertTrue(orphan.getMessage().contains("is loaded but its ancestor main is offloaded"), orphan.getMessage());
        var missing = assertThrows(ScenarioFileException.class, () -> parse("""
                name: s
                world: {timelines: [{id: t1, ancestor: gone, archived: true, offloaded: true}]}
                tasks: [{name: u, ops: [compaction]}]
                """));
        assertTrue(missing.getMessage().contains("unknown timeline 'gone'"), missing.getMessage());
    }

    @Test
    void coordinationStepsTakeNoExpectationAndAwaitOpMustNameARealOp() {
        var e = assertThrows(ScenarioFileException.class, () -> parse("""
                name: s
                world: {timelines: [{id: main}]}
                tasks: [{name: u, ops: [{sleep-ms: 5, expect: Ok}]}]
                """));
        assertTrue(e.getMessage().contains("takes no expectation"), e.getMessage());
        var w = assertThrows(ScenarioFileException.class, () -> parse("""
                name: s
                world: {timelines: [{id: main}]}
                tasks: [{name: u, ops: [compaction]}, {name: v, ops: [{await-op: {task: u, op: 3}}]}]
                """));
        assertEquals("t.yaml: tasks[1].ops[0].await-op.op: task 'u' has 1 ops (0 to 0)", w.getMessage());
    }

    @Test
    void aPinnedScheduleIsParsed() throws Exception {
        StaticScenario s = parse("""
                name: s
                world: {timelines: [{id: main}]}
                tasks: [{name: u, ops: [compaction]}]
                schedule: v1:1:0
                """);
        assertEquals("v1:1:0", s.pinned().encode());
        assertNull(parse(ARCHIVE_PARENT.formatted("Err")).pinned());
        assertThrows(ScenarioFileException.class, () -> parse("""
                name: s
                world: {timelines: [{id: main}]}
                tasks: [{name: u, ops: [compaction]}]
                schedule: nonsense
                """));
    }
}
