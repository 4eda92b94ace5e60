package offloadsim.model.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;
import offloadsim.model.Variant;
import offloadsim.sim.coverage.Coverage;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.strategy.Replay;
import offloadsim.sim.trace.Schedule;
import org.junit.jupiter.api.Test;

class PointFiguresTest {

    private static final String PRE = "offloadsim.model.variants.Pre10305#offloadTimeline";
    private static final String FIX = "offloadsim.model.variants.Fix10305#offloadTimeline";
    private static final String ALT = "offloadsim.model.variants.AltState#offloadTimeline";
    private static final String SHARED = "offloadsim.model.tenant.Tenant#shutdown";

    /** A registry of a toy world: two functions f and g, a pattern, a failpoint, variant-specific points. */
    private static final PointRegistry MODEL = new PointRegistry(List.of(
            new DeclaredPoint("yield", "f/a", SHARED),
            new DeclaredPoint("yield", "f/b", SHARED),
            new DeclaredPoint("yield", "f/never", SHARED),
            new DeclaredPoint("preemption", "g/p", SHARED),
            new DeclaredPoint("yield", "h/elsewhere", SHARED),
            new DeclaredPoint("yield", "step {t.id}", SHARED),
            new DeclaredPoint("yield", "step {t.id} deep", SHARED),
            new DeclaredPoint("failpoint", "failpoint fp", SHARED),
            new DeclaredPoint("preemption", "offload_timeline/is_archived", PRE),
            new DeclaredPoint("preemption", "offload_timeline/shutdown_if_archived", FIX),
            new DeclaredPoint("preemption", "offload_timeline/set_state Offloading", ALT)));
    private static final PointRegistry HARNESS = new PointRegistry(List.of(new DeclaredPoint("wait", "scenario/await {op}", "offloadsim.scenarios.ops.Op")));

    /**
     * Task one: f/a, step t1, failpoint fp, g/p; task two: f/b, step t1 deep, then a harness wait and an
     * undeclared label; task ids 0 and 1, alternated by the schedule.
     */
    private static final Program TOY = sim -> {
        sim.spawn("one", () -> {
            sim.yieldPoint("f/a");
            sim.yieldPoint("step t1");
            sim.failpoint("fp");
            sim.preemptionPoint("g/p");
        });
        sim.spawn("two", () -> {
            sim.yieldPoint("f/b");
            sim.yieldPoint("step t1 deep");
            sim.yieldPoint("scenario/await x");
            sim.yieldPoint("stray");
        });
        return Oracles.NONE;
    };

    private static Coverage run(int... picks) {
        return run(RunOptions.defaults(), picks);
    }

    private static Coverage run(RunOptions options, int... picks) {
        List<Schedule.Decision> ds = new java.util.ArrayList<>();
        for (int p : picks) ds.add(new Schedule.TaskPick(p));
        return Explorer.explore(TOY, new Replay(new Schedule(1, ds)), Explorer.Budget.seeds(1, 1), options, Explorer.Progress.NONE).coverage();
    }

    private static Coverage.Switch sw(String from, String to) {
        return new Coverage.Switch(from, to);
    }

    @Test
    void aHandBuiltRunGivesExactlyTheExpectedPointsPairsAndGaps() {
        // steps: one→f/a, two→f/b (its first step: no pair), one (two at f/b, one from f/a)→step t1,
        // two (one at step t1, two from f/b)→step t1 deep, one (two at step t1 deep, one from step t1)→fp, g/p,
        // two (one at g/p, two from step t1 deep)→scenario/await x, one (two at scenario/await x, one from g/p)→ends,
        // then two alone: stray, ends
        Coverage c = run(0, 1, 0, 1, 0, 1, 0);
        PointFigures f = PointFigures.of(c, MODEL, HARNESS, Variant.byId("fix-10305"), true);
        assertEquals(Map.of("f/a", 1L, "f/b", 1L, "step {t.id}", 1L, "step {t.id} deep", 1L, "failpoint fp", 1L, "g/p", 1L), f.reached());
        assertEquals(Set.of(sw("f/b", "f/a"), sw("step {t.id}", "f/b"), sw("step {t.id} deep", "step {t.id}"), sw("g/p", "step {t.id} deep"),
                sw("scenario/await {op}", "g/p")), f.pairs(), "model pairs, and one with the harness task's wait; none from the undeclared label");
        // the universe of fix-10305: the shared points and the fix's own; not pre-10305's (overridden) nor alt-state's
        assertEquals(9, f.declared());
        assertEquals(Set.of("f/never", "h/elsewhere", "offload_timeline/shutdown_if_archived"), f.unreached());
        assertEquals(Set.of("f/never"), f.unreachedInEnteredFunctions(), "f was entered, h and offload_timeline were not");
        assertEquals(Set.of("stray"), f.undeclared());
        assertEquals("points 6/9, pairs 5", f.summary());
    }

    @Test
    void withoutPreemptionPreemptionPointsAreNotInTheUniverse() {
        // the same picks without preemption: one passes g/p without a switch and ends at its fourth step
        Coverage c = run(RunOptions.defaults().withPreemptive(false), 0, 1, 0, 1, 0);
        PointFigures f = PointFigures.of(c, MODEL, HARNESS, Variant.byId("pre-10305"), false);
        assertEquals(Map.of("f/a", 1L, "f/b", 1L, "step {t.id}", 1L, "step {t.id} deep", 1L, "failpoint fp", 1L), f.reached());
        assertEquals(Set.of("f/never", "h/elsewhere"), f.unreached(), "g/p and pre-10305's is_archived are preemption points: none here");
        assertEquals(7, f.declared());
    }

    @Test
    void aLabelTakesTheMostSpecificPattern() {
        assertEquals("step {t.id} deep", MODEL.match("step t7 deep").point());
        assertEquals("step {t.id}", MODEL.match("step t7").point());
        assertEquals("f/a", MODEL.match("f/a").point());
        assertNull(MODEL.match("f/a "));
        assertEquals("scenario/await {op}", HARNESS.match("scenario/await delete t2").point());
    }

    @Test
    void theRegistryFileRoundTrips() {
        String text = MODEL.text("# header\n");
        assertEquals(MODEL.declared(), PointRegistry.parse(text, "test").declared());
    }
}
