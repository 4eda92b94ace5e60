package offloadsim.reports.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Executions per second of random walk, this build against another side by side: each launch is a fresh JVM
 * running {@link ThroughputProbe} on one build's classes, and the builds take turns launch by launch, so a
 * machine that gets busier or quieter during the bench weighs on both alike. The first round of a launch
 * includes the JIT's warm-up (what a short run sees); the later rounds are the warm rate.
 */
public final class ThroughputBench {
    private ThroughputBench() {}

    /** A build to measure: a label for the table and the class path its classes come first on. */
    public record Build(String label, String classPath) {
        /** This JVM's own classes. */
        public static Build current(String label) {
            return new Build(label, System.getProperty("java.class.path"));
        }

        /**
         * Another build's self-contained jar, ahead of this build's class path: every class both have comes
         * from it, and only the probe, which it may lack, from this build.
         */
        public static Build jar(String label, Path jar) {
            return new Build(label, jar.toAbsolutePath() + File.pathSeparator + System.getProperty("java.class.path"));
        }
    }

    /** One launch: executions per second of wall time per round, and per CPU-second of the exploring thread (one thread only). */
    public record Launch(List<Double> wallRates, List<Double> cpuRates, double stepsPerExecution, long failures) {
        /** The first round: cold, with the JIT compiling as it goes. */
        public double cold() {
            return wallRates.getFirst();
        }

        /** The median of the later rounds (or the only round). */
        public double warm() {
            return median(wallRates.size() > 1 ? wallRates.subList(1, wallRates.size()) : wallRates);
        }

        public double warmCpu() {
            if (cpuRates.isEmpty()) return Double.NaN;
            return median(cpuRates.size() > 1 ? cpuRates.subList(1, cpuRates.size()) : cpuRates);
        }
    }

    /** Runs one probe launch of {@code build} on a cell; IllegalStateException (one line) if it fails. */
    public static Launch launch(Build build, String scenario, String variant, long executionsPerRound, int rounds, int threads) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = List.of(java, "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-cp", build.classPath(),
                ThroughputProbe.class.getName(), scenario, variant, Long.toString(executionsPerRound), Integer.toString(rounds), Integer.toString(threads));
        Path err = Files.createTempFile("offload-sim-probe", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("throughput probe of " + build.label() + " on " + scenario + " did not finish in 30 minutes");
            }
            if (p.exitValue() != 0) {
                String why = Files.readString(err).lines().filter(l -> !l.isBlank()).findFirst().orElse("exit code " + p.exitValue());
                throw new IllegalStateException("throughput probe of " + build.label() + " on " + scenario + " failed: " + why);
            }
            return parse(out);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    static Launch parse(String out) {
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long executions = 0, steps = 0, failures = 0;
        for (String line : out.lines().toList()) {
            String[] f = line.trim().split(" ");
            if (f.length != 7 || !f[0].equals("round")) continue;
            long n = Long.parseLong(f[2]);
            wall.add(n * 1e9 / Long.parseLong(f[3]));
            long cpuNanos = Long.parseLong(f[4]);
            if (cpuNanos > 0) cpu.add(n * 1e9 / cpuNanos);
            executions += n;
            steps += Long.parseLong(f[5]);
            failures += Long.parseLong(f[6]);
        }
        if (wall.isEmpty()) throw new IllegalStateException("throughput probe printed no rounds");
        return new Launch(wall, cpu, steps / (double) executions, failures);
    }

    public static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
