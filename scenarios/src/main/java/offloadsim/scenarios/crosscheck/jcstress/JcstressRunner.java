package offloadsim.scenarios.crosscheck.jcstress;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.annotations.Expect;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;

/**
 * Runs jcstress 0.16 in-process (what {@code org.openjdk.jcstress.Main.main} does, minus the banner) and reads
 * its binary result file back, so the JUnit tests can count outcomes and check that the expected tests ran
 * ({@code FATAL: No matching tests} and "3 actors: No scheduling is possible" both end with exit code 0).
 * The result file, normally {@code jcstress-results-<time>.bin.gz} in the working directory, is redirected
 * into the report directory ({@code target/jcstress-<name>} for the suite, a temporary directory for
 * {@code ./offload-sim bench}). Forked test VMs get this JVM's class path, so the generated runners and
 * {@code META-INF/TestList} must be on it (target/classes, or the shaded CLI jar).
 */
public final class JcstressRunner {

    /** One test's outcome counts, graded against its own {@code @Outcome} annotations. */
    public record Counts(String test, Map<String, Long> outcomes, Map<String, String> grades, long total, long forbidden,
                         long interesting, long unclassified, long bugOutcomes) {

        public String verdict() {
            return bugOutcomes > 0 ? "bug" : "clean";
        }

        /** Samples whose outcome is one of {@code ids} (e.g. {@link TenantStress#STRANDED_STOPPING}). */
        public long count(java.util.Collection<String> ids) {
            return ids.stream().mapToLong(id -> outcomes.getOrDefault(id, 0L)).sum();
        }

        public String summary() {
            return test.substring(test.lastIndexOf('.') + 1) + ": " + outcomes + " (" + bugOutcomes + " bug outcomes, " + forbidden + " forbidden)";
        }
    }

    /** What a run produced: per-test counts, and jcstress's own failure (FORBIDDEN observed, errors) if any. */
    public record Run(Map<String, Counts> byClass, AssertionError failure, Path reportDir, double seconds) {}

    private JcstressRunner() {}

    /**
     * @param name     report directory suffix: target/jcstress-&lt;name&gt; (relative to the working directory)
     * @param mode     sanity | quick | default | tough | stress
     * @param tests    the @JCStressTest classes to run (selected with one anchored regex)
     */
    public static Run run(String name, String mode, List<Class<?>> tests) throws Exception {
        return run(Path.of("target", "jcstress-" + name), tests, "-m", mode);
    }

    /**
     * @param reportDir where jcstress writes its HTML report and this runner its result file
     * @param tests     the @JCStressTest classes to run (selected with one anchored regex)
     * @param budget    jcstress options that set how long each test runs (e.g. {@code -m quick}, or
     *                  {@code -f 1 -iters N -time MS}); split per-actor compilation off and a small heap for the forks
     *                  are always added (one VM configuration: the tooling notes' ~10 s per test on this machine)
     */
    public static Run run(Path reportDir, List<Class<?>> tests, String... budget) throws Exception {
        Path dir = reportDir.toAbsolutePath();
        Files.createDirectories(dir);
        Path resultFile = dir.resolve("results.bin.gz");
        Files.deleteIfExists(resultFile);
        String regex = "^(" + String.join("|", tests.stream().map(c -> c.getName().replace(".", "\\.").replace("$", "[.$]")).toList()) + ")$";
        List<String> argList = new ArrayList<>(List.of("-t", regex));
        argList.addAll(List.of(budget));
        argList.addAll(List.of("-sc", "false", "-jvmArgs", "-Xmx256m --enable-native-access=ALL-UNNAMED", "-r", dir.toString()));
        String[] args = argList.toArray(String[]::new);
        System.out.println("jcstress " + String.join(" ", args));
        Options opts = new Options(args);
        if (!opts.parse()) throw new IllegalArgumentException("jcstress rejected its options: " + Arrays.toString(args));
        Field f = Options.class.getDeclaredField("resultFile");
        f.setAccessible(true);
        f.set(opts, resultFile.toString());
        long t0 = System.nanoTime();
        AssertionError failure = null;
        try {
            new JCStress(opts).run();
        } catch (AssertionError e) {
            failure = e; // "TEST FAILURES: ..." when a FORBIDDEN outcome (or an error) was observed
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Counts> byClass = new LinkedHashMap<>();
        if (Files.exists(resultFile)) {
            InProcessCollector collector = new InProcessCollector();
            DiskReadCollector reader = new DiskReadCollector(resultFile.toString(), collector);
            reader.dump();
            reader.close();
            Map<String, List<TestResult>> results = new LinkedHashMap<>();
            for (TestResult r : collector.getTestResults()) results.computeIfAbsent(r.getName(), k -> new ArrayList<>()).add(r);
            for (Class<?> c : tests) {
                List<TestResult> rs = results.getOrDefault(c.getName(), results.get(c.getCanonicalName()));
                if (rs != null) byClass.put(c.getName(), grade(c, rs));
            }
        }
        return new Run(byClass, failure, dir, secs);
    }

    private static Counts grade(Class<?> test, List<TestResult> rs) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (TestResult r : rs)
            for (String k : r.getStateKeys()) outcomes.merge(k, r.getCount(k), Long::sum);
        Outcome[] declared = test.getAnnotationsByType(Outcome.class);
        Map<String, String> grades = new LinkedHashMap<>();
        long total = 0, forbidden = 0, interesting = 0, unclassified = 0, bug = 0;
        for (var e : outcomes.entrySet()) {
            Outcome o = match(declared, e.getKey());
            long n = e.getValue();
            total += n;
            boolean isDefault = o == null || o.id().length == 0;
            Expect x = o == null ? Expect.FORBIDDEN : o.expect();
            grades.put(e.getKey(), x + (o == null ? "" : ": " + o.desc()));
            if (x == Expect.FORBIDDEN) forbidden += n;
            if (x == Expect.ACCEPTABLE_INTERESTING) interesting += n;
            if (isDefault) unclassified += n;
            // bug outcomes: the named #10220-class outcomes (interesting on pre, forbidden on fix)
            if (!isDefault && (x == Expect.FORBIDDEN || x == Expect.ACCEPTABLE_INTERESTING)) bug += n;
        }
        return new Counts(test.getName(), outcomes, grades, total, forbidden, interesting, unclassified, bug);
    }

    private static Outcome match(Outcome[] declared, String state) {
        for (Outcome o : declared)
            for (String id : o.id()) if (state.matches(id)) return o;
        for (Outcome o : declared) if (o.id().length == 0) return o;
        return null;
    }
}
