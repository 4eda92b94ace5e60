package offloadsim.reports.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fray's rows of the bench. Fray needs its own instrumented JDK and agents, so its half runs in a second JVM
 * ({@code offloadsim.scenarios.crosscheck.fray.FrayBenchMain}, the same check as the suite's Fray cross-check),
 * started from what {@code mvn -B -Pfray verify} leaves under {@code scenarios/target/fray}: the JDK
 * ({@code fray-java}), the JVMTI library ({@code fray-jvmti}), the agent ({@code lib/}) and the class path
 * ({@code classpath.txt}; scenarios' classes, and the Fray harness copied to {@code classes/}). Without them
 * Fray is not available and the bench says so in one line.
 */
public final class FrayBench {

    /** One strategy's launches on pre-10305: executions and wall time (µs) of each find. */
    public record Finds(String strategy, String description, int launches, List<Long> executions, List<Long> micros, List<String> forms) {}

    /** One strategy's launch on fix-10305. */
    public record Fix(String strategy, long executions, long millis, int failures, String failure, int timelines) {
        public double perSecond() {
            return millis == 0 ? 0 : executions * 1000.0 / millis;
        }
    }

    /** What the Fray JVM measured, or why there is nothing (unavailable != null). */
    public record Result(String unavailable, List<Finds> pre, List<Fix> fix, Path reportDir, double wallSeconds) {}

    private FrayBench() {}

    /** Why Fray cannot run from this checkout, or null. */
    public static String unavailableReason(Path home) {
        Path dir = home.resolve("scenarios/target/fray");
        for (Path p : List.of(java(dir), dir.resolve("fray-jvmti/libjvmti.so"), dir.resolve("lib/fray-instrumentation-agent.jar"), dir.resolve("classpath.txt"),
                dir.resolve("classes/offloadsim/scenarios/crosscheck/fray/FrayBenchMain.class")))
            if (!Files.exists(p)) return "Fray not available (no " + home.relativize(p) + "; build it with mvn -B -Pfray verify)";
        return null;
    }

    private static Path java(Path dir) {
        return dir.resolve("fray-java/bin/java");
    }

    /**
     * @param runs          launches per strategy on pre-10305
     * @param fixExecutions executions per strategy on fix-10305
     * @param log           progress (stderr)
     */
    public static Result measure(Path home, int runs, int fixExecutions, PrintStream log) throws IOException, InterruptedException {
        String why = unavailableReason(home);
        if (why != null) return new Result(why, List.of(), List.of(), null, 0);
        Path dir = home.resolve("scenarios/target/fray").toAbsolutePath();
        Path reports = Files.createTempDirectory("offload-sim-bench-fray");
        String cp = dir.resolve("classes") + File.pathSeparator + home.resolve("scenarios/target/classes").toAbsolutePath()
                + File.pathSeparator + Files.readString(dir.resolve("classpath.txt")).trim();
        List<String> cmd = new ArrayList<>(List.of(java(dir).toString(),
                "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED", "-XX:+EnableDynamicAgentLoading",
                "--sun-misc-unsafe-memory-access=allow", "-Xmx1g",
                "-javaagent:" + dir.resolve("lib/fray-instrumentation-agent.jar"), "-agentpath:" + dir.resolve("fray-jvmti/libjvmti.so"),
                "-Dfray.workDir=" + reports, "-cp", cp, "offloadsim.scenarios.crosscheck.fray.FrayBenchMain",
                String.valueOf(runs), String.valueOf(fixExecutions), reports.toString()));
        long t0 = System.nanoTime();
        Path resultFile = reports.resolve("result.json");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(resultFile.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Result("Fray JVM did not finish in 30 min (reports in " + reports + ")", List.of(), List.of(), reports, 0);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        String text = Files.readString(resultFile, StandardCharsets.UTF_8).trim();
        String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1);
        if (p.exitValue() != 0 || !last.startsWith("{"))
            return new Result("Fray JVM failed (exit " + p.exitValue() + "; reports in " + reports + ")", List.of(), List.of(), reports, wall);
        JsonNode doc = new ObjectMapper().readTree(last);
        if (!doc.path("available").asBoolean()) return new Result("Fray not available in its JVM: " + doc.path("reason").asText(), List.of(), List.of(), reports, wall);
        List<Finds> pre = new ArrayList<>();
        for (JsonNode s : doc.path("pre")) {
            List<Long> executions = new ArrayList<>();
            List<Long> micros = new ArrayList<>();
            List<String> forms = new ArrayList<>();
            for (JsonNode l : s.path("launches")) {
                if (!l.path("found").asBoolean()) continue;
                executions.add(l.path("executions").asLong());
                micros.add(l.path("micros").asLong());
                forms.add(l.path("form").asText());
            }
            pre.add(new Finds(s.path("strategy").asText(), s.path("description").asText(), s.path("launches").size(), executions, micros, forms));
        }
        List<Fix> fix = new ArrayList<>();
        for (JsonNode f : doc.path("fix"))
            fix.add(new Fix(f.path("strategy").asText(), f.path("executions").asLong(), f.path("millis").asLong(), f.path("failures").asInt(),
                    f.path("failure").isNull() ? null : f.path("failure").asText(), f.path("timelines").asInt()));
        return new Result(null, pre, fix, reports, wall);
    }
}
