package offloadsim.reports.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Two builds in one JVM, each from its own jar in a class loader of its own, measured round by round in turns
 * (which goes first alternates): random-walk executions per CPU-second of this thread. On a machine whose load
 * moves by the minute, launches taking turns ({@link ThroughputBench}) still see different loads; rounds a
 * second apart in one process see nearly the same, so the per-round ratio of the two builds is the steadier
 * figure. Both builds are called only through what every build has (the catalog, {@code Program},
 * {@code Explorer.explore} with one strategy), by reflection.
 *
 * <p>Arguments: scenario, variant, executions per round, rounds, jar A, jar B. Rounds 0-1 warm up; then one
 * line per build (median, min and max executions per CPU-second) and the median of the per-round ratios B ÷ A.
 * Run as {@code java --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -cp offload-sim.jar
 * offloadsim.reports.bench.PairedProbe unarchive-during-compaction fix-10305 20000 14 old.jar new.jar}.
 */
public final class PairedProbe {
    private PairedProbe() {}

    /** One build's entry points, loaded from its jar alone (the platform loader is its parent). */
    private record Build(String label, Object program, Object options, Method explore, Constructor<?> walk, Method seeds, Object progress) {
        static Build load(String label, Path jar, String scenario, String variantId) throws ReflectiveOperationException, java.io.IOException {
            ClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> scen = cl.loadClass("offloadsim.scenarios.Scenario");
            Class<?> variant = cl.loadClass("offloadsim.model.Variant");
            Object s = cl.loadClass("offloadsim.scenarios.catalog.ScenarioCatalog").getMethod("byName", String.class).invoke(null, scenario);
            Object v = variant.getMethod("byId", String.class).invoke(null, variantId);
            Class<?> budget = cl.loadClass("offloadsim.sim.explore.Explorer$Budget");
            Class<?> progress = cl.loadClass("offloadsim.sim.explore.Explorer$Progress");
            Method explore = cl.loadClass("offloadsim.sim.explore.Explorer").getMethod("explore", cl.loadClass("offloadsim.sim.explore.Program"),
                    cl.loadClass("offloadsim.sim.strategy.Strategy"), budget, cl.loadClass("offloadsim.sim.explore.RunOptions"), progress);
            return new Build(label, scen.getMethod("program", variant).invoke(s, v), scen.getMethod("runOptions").invoke(s), explore,
                    cl.loadClass("offloadsim.sim.strategy.RandomWalk").getConstructor(), budget.getMethod("seeds", long.class, long.class),
                    progress.getField("NONE").get(null));
        }

        /** Executions per CPU-second of this thread for one round of {@code n} seeds from {@code first}. */
        double round(ThreadMXBean mx, long first, long n) throws ReflectiveOperationException {
            long c0 = mx.getCurrentThreadCpuTime();
            explore.invoke(null, program, walk.newInstance(), seeds.invoke(null, first, n), options, progress);
            return n * 1e9 / (mx.getCurrentThreadCpuTime() - c0);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: PairedProbe SCENARIO VARIANT EXECUTIONS ROUNDS JAR_A JAR_B");
            System.exit(2);
        }
        long n;
        int rounds;
        try {
            n = Long.parseLong(args[2]);
            rounds = Integer.parseInt(args[3]);
        } catch (NumberFormatException e) {
            System.err.println("PairedProbe: EXECUTIONS and ROUNDS must be whole numbers: " + args[2] + " " + args[3]);
            System.exit(2);
            return;
        }
        if (n <= 0 || rounds < 3) {
            System.err.println("PairedProbe: EXECUTIONS must be positive and ROUNDS at least 3 (two warm up)");
            System.exit(2);
        }
        Build a = Build.load("A " + args[4], Path.of(args[4]), args[0], args[1]);
        Build b = Build.load("B " + args[5], Path.of(args[5]), args[0], args[1]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Double> ra = new ArrayList<>(), rb = new ArrayList<>(), ratio = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long first = 1 + r * n; // the same seeds for both builds in a round
            double x, y;
            if (r % 2 == 0) {
                x = a.round(mx, first, n);
                y = b.round(mx, first, n);
            } else {
                y = b.round(mx, first, n);
                x = a.round(mx, first, n);
            }
            if (r < 2) continue; // warm-up
            ra.add(x);
            rb.add(y);
            ratio.add(y / x);
        }
        for (Build build : List.of(a, b)) {
            List<Double> xs = build == a ? ra : rb;
            System.out.printf("%s: %.0f executions per CPU-second (median of %d rounds; %.0f – %.0f)%n", build.label(),
                    ThroughputBench.median(xs), xs.size(), xs.stream().mapToDouble(d -> d).min().orElse(0), xs.stream().mapToDouble(d -> d).max().orElse(0));
        }
        System.out.printf("B ÷ A, median of the per-round ratios: %.2f×%n", ThroughputBench.median(ratio));
    }
}
