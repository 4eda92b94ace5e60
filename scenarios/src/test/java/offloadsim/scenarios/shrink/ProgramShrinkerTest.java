package offloadsim.scenarios.shrink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.explore.StrategySpec;
import offloadsim.scenarios.file.ScenarioFile;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Program-level shrinking of archival-chaos failures, and the saved scenario files it writes. */
class ProgramShrinkerTest {

    /** The first {@code n} failing seeds of archival-chaos on the variant, from seed 1. */
    static List<RunResult> chaosFailures(Variant v, int n) {
        Scenario chaos = ScenarioCatalog.byName("archival-chaos");
        List<RunResult> out = new ArrayList<>();
        var walk = StrategySpec.random().create();
        for (long seed = 1; out.size() < n && seed < 100_000; seed++) {
            RunResult r = Explorer.runSeed(chaos.program(v), walk, seed, chaos.runOptions());
            if (r.outcome().isFailure()) out.add(r);
        }
        return out;
    }

    @Test
    void aChaosFailureShrinksToASmallerProgramWhoseSavedFileFailsOnItsOwn() throws Exception {
        for (RunResult failure : chaosFailures(Variant.FIX_10305, 2)) {
            var converted = ProgramShrinker.fromChaos(failure.schedule(), "chaos-shrunk");
            RunResult again = Explorer.replay(converted.scenario().program(Variant.FIX_10305), converted.schedule(), converted.scenario().runOptions());
            assertEquals(failure.outcome().summary(), again.outcome().summary(), "the converted mix replays the chaos run");

            var r = ProgramShrinker.shrink(converted.scenario(), Variant.FIX_10305, converted.schedule(), 200, 2000);
            assertEquals(failure.outcome().oracle(), r.run().outcome().oracle());
            assertTrue(ProgramShrinker.ops(r.shrunk()) < ProgramShrinker.ops(converted.scenario()),
                    ProgramShrinker.size(r.shrunk()) + " from " + ProgramShrinker.size(converted.scenario()));

            String yaml = ScenarioWriter.toYaml(r.shrunk(), "shrunk");
            StaticScenario saved = ScenarioFile.parse("saved.yaml", yaml);
            // ops that answered before the failure carry their answers as expectations (a run may end before any answers)
            RunResult replayed = Explorer.replay(saved.program(Variant.FIX_10305), saved.pinned(), saved.runOptions());
            assertEquals(failure.outcome().oracle(), replayed.outcome().oracle(), yaml + "\n" + replayed.outcome().summary());
        }
    }

    /** For README: the size distribution of 50 shrunk archival-chaos failures (-Dshrink.measure=true). */
    @Test
    @EnabledIfSystemProperty(named = "shrink.measure", matches = "true")
    void measureTheDistributionOverFiftyFailures() {
        List<String> rows = new ArrayList<>();
        int[] tasks = new int[50], ops = new int[50], origOps = new int[50];
        List<RunResult> failures = chaosFailures(Variant.FIX_10305, 50);
        long start = System.nanoTime(); // determinism-ok: reporting only
        for (int i = 0; i < failures.size(); i++) {
            var c = ProgramShrinker.fromChaos(failures.get(i).schedule(), "m");
            var r = ProgramShrinker.shrink(c.scenario(), Variant.FIX_10305, c.schedule(), 200, 2000);
            tasks[i] = r.shrunk().tasks().size();
            ops[i] = ProgramShrinker.ops(r.shrunk());
            origOps[i] = ProgramShrinker.ops(c.scenario());
            rows.add(failures.get(i).outcome().oracle() + " " + ProgramShrinker.size(c.scenario()) + " -> " + ProgramShrinker.size(r.shrunk())
                    + " (" + r.programAttempts() + " programs, " + r.programRuns() + " runs)");
        }
        rows.forEach(System.out::println);
        System.out.println("tasks " + hist(tasks) + " ops " + hist(ops) + " original ops " + hist(origOps)
                + " elapsed " + (System.nanoTime() - start) / 1_000_000 + " ms"); // determinism-ok: reporting only
    }

    private static String hist(int[] xs) {
        java.util.TreeMap<Integer, Integer> h = new java.util.TreeMap<>();
        for (int x : xs) h.merge(x, 1, Integer::sum);
        return h.toString();
    }
}
