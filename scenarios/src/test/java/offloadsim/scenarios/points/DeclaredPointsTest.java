package offloadsim.scenarios.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import offloadsim.model.Variant;
import offloadsim.model.points.DeclaredPoint;
import offloadsim.model.points.PointFigures;
import offloadsim.model.points.PointRegistry;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.sim.coverage.Coverage;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.strategy.RandomWalk;
import org.junit.jupiter.api.Test;

/**
 * The universe of the coverage figures cannot drift from the code: each registry is exactly what a scan of its
 * module's source declares (regenerate with {@code -Dpoints.write=true}), and every label a catalog run is
 * suspended at is declared, for the variant that ran it.
 */
class DeclaredPointsTest {

    static final String REGENERATE = "regenerate: mvn -o -B -pl scenarios -am test -Dtest=DeclaredPointsTest -Dsurefire.failIfNoSpecifiedTests=false -Dpoints.write=true";

    private static Path module() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    private static void check(PointScanner scan, Path file, PointRegistry registry, String header) throws IOException {
        if (!scan.unreadable.isEmpty()) fail("labels the scanner cannot read (write them as literals, concatenations or c ? a : b): " + scan.unreadable);
        PointRegistry scanned = new PointRegistry(scan.declared());
        String text = scanned.text(header);
        if (Boolean.getBoolean("points.write")) {
            Files.writeString(file, text);
            return;
        }
        TreeSet<String> want = new TreeSet<>(), have = new TreeSet<>();
        for (DeclaredPoint p : scanned.declared()) want.add(p.line());
        for (DeclaredPoint p : registry.declared()) have.add(p.line());
        TreeSet<String> missing = new TreeSet<>(want), stale = new TreeSet<>(have);
        missing.removeAll(have);
        stale.removeAll(want);
        if (!missing.isEmpty() || !stale.isEmpty())
            fail(file + " is out of date with the source.\n  declared in the code, missing from the file: " + missing
                    + "\n  in the file, gone from the code: " + stale + "\n" + REGENERATE);
        assertEquals(text, Files.readString(file), file + " is not in its generated (sorted) form; " + REGENERATE);
    }

    @Test
    void theModelsRegistryIsExactlyWhatItsSourceDeclares() throws IOException {
        Path model = module().resolveSibling("model");
        PointScanner scan = PointScanner.scan(model.resolve("src/main/java"));
        check(scan, model.resolve("src/main/resources" + PointRegistry.MODEL_RESOURCE), PointRegistry.model(),
                "# The model's scheduling points: every label a task of the model can be suspended at (kind, point, declaring class).\n"
                        + "# Generated from model/src/main/java by DeclaredPointsTest, which fails when it differs from the code.\n");
        // the scan sees the points every reader of the model knows (a guard against a scanner that silently finds nothing)
        List<String> names = scan.declared().stream().map(DeclaredPoint::point).toList();
        for (String p : List.of("offload_timeline/shutdown_if_archived", "offload_timeline/is_archived", "apply_timeline_archival_config/wait_completion",
                "compact_level0 {timeline.id}", "failpoint before-timeline-auto-offload", "lock compaction_lock {id}", "join shutdown {t.id}", "Tenant::shutdown/gate close"))
            assertTrue(names.contains(p), p + " in " + names);
        assertFalse(names.contains("lock timelines{g}"), "a std mutex never blocks a task in the runtime: no point");
    }

    @Test
    void theHarnesssRegistryIsExactlyWhatItsSourceDeclares() throws IOException {
        PointScanner scan = PointScanner.scan(module().resolve("src/main/java"));
        check(scan, module().resolve("src/main/resources" + ScenarioPoints.HARNESS_RESOURCE), ScenarioPoints.harness(),
                "# The harness's scheduling points (scenario ops, client retries, the cross-checks' stand-in): left out of the coverage figures.\n"
                        + "# Generated from scenarios/src/main/java by DeclaredPointsTest, which fails when it differs from the code.\n");
    }

    @Test
    void scannerReadsLiteralsConcatenationsAndTernariesAndRefusesTheRest() {
        assertEquals(List.of("a/b"), PointScanner.evaluate("\"a/b\""));
        assertEquals(List.of("compact_level0 {timeline.id}"), PointScanner.evaluate("\"compact_level0 \" + timeline.id"));
        assertEquals(List.of("x/layer", "x/index"), PointScanner.evaluate("layer ? \"x/layer\" : \"x/index\""));
        assertEquals(null, PointScanner.evaluate("labelFor(t)"));
        assertEquals(List.of("a, (b)", "c"), PointScanner.splitArgs("\"a, (b)\", \"c\"").stream().map(s -> PointScanner.evaluate(s).getFirst()).toList());
    }

    @Test
    void everyLabelACatalogRunIsSuspendedAtIsDeclaredForItsVariant() {
        List<String> problems = new ArrayList<>();
        for (Scenario s : ScenarioCatalog.all()) {
            for (Variant v : Variant.values()) {
                Exploration e = Explorer.explore(s.program(v), new RandomWalk(), Explorer.Budget.seeds(1, 150), s.runOptions(), Explorer.Progress.NONE);
                PointFigures f = ScenarioPoints.figures(s, v, e.coverage());
                if (!f.undeclared().isEmpty()) problems.add(s.name() + " on " + v.id() + ": undeclared " + f.undeclared());
                TreeSet<String> outside = new TreeSet<>(f.reached().keySet());
                outside.removeAll(PointRegistry.model().universe(v, s.runOptions().preemptive()));
                if (!outside.isEmpty()) problems.add(s.name() + " on " + v.id() + ": reached points declared for other designs only " + outside);
                assertFalse(f.reached().isEmpty(), s.name() + " on " + v.id() + " reached no point");
            }
        }
        assertEquals(List.of(), problems, REGENERATE);
    }

    @Test
    void theFixsArbiterIsAPointOfTheFixOnly() {
        Scenario s = ScenarioCatalog.byName("unarchive-during-compaction");
        Exploration e = Explorer.explore(s.program(Variant.byId("fix-10305")), new RandomWalk(), Explorer.Budget.seeds(1, 300), s.runOptions(), Explorer.Progress.NONE);
        PointFigures fix = ScenarioPoints.figures(s, Variant.byId("fix-10305"), e.coverage());
        assertTrue(fix.reached().containsKey("offload_timeline/shutdown_if_archived"), fix.reached().toString());
        assertTrue(fix.pairs().stream().anyMatch(p -> p.from().equals("offload_timeline/shutdown_if_archived")), fix.pairs().toString());
        assertFalse(PointRegistry.model().universe(Variant.byId("pre-10305"), true).contains("offload_timeline/shutdown_if_archived"));
        assertTrue(PointRegistry.model().universe(Variant.byId("pre-10305"), true).contains("offload_timeline/is_archived"));
        assertFalse(PointRegistry.model().universe(Variant.byId("fix-10305"), false).contains("offload_timeline/shutdown_if_archived"),
                "a preemption point is no scheduling point of a run that does not preempt");
        assertEquals(fix.declared(), fix.reached().size() + fix.unreached().size());
        Coverage none = Coverage.EMPTY;
        assertEquals(fix.declared(), ScenarioPoints.figures(s, Variant.byId("fix-10305"), none).unreached().size());
    }
}
