package offloadsim.reports.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import offloadsim.reports.json.Json;

/**
 * The Lincheck and jcstress rows of the bench, measured in the same run: the cross-check suites (which
 * need the test classpath, Lincheck's agent and jcstress's forked VMs) are run through Maven on the
 * scenarios module, then the figures they record — Lincheck's time to report the #10220 history, jcstress's
 * observation counts in quick mode — are read back from the fresh results file.
 */
final class CrossCheckBench {
    private CrossCheckBench() {}

    static void run(Path home, PrintWriter w) throws Exception {
        Path results = home.resolve("scenarios/target/cross-checks.json");
        Path log = home.resolve("target/bench-cross-checks.log");
        Files.createDirectories(log.getParent());
        Instant started = Instant.now();
        List<String> cmd = List.of("mvn", "-B", "-q", "-pl", "scenarios", "-am", "test",
                "-Dtest=LincheckCrossCheckTest,JcstressCrossCheckTest", "-Dsurefire.failIfNoSpecifiedTests=false");
        int code;
        long t0 = System.nanoTime(); // determinism-ok: a benchmark measures wall time
        try {
            Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                code = -1;
            } else {
                code = p.exitValue();
            }
        } catch (java.io.IOException e) {
            w.println("| Lincheck / jcstress | cross-checks | not measured: cannot run mvn (" + e.getMessage() + ") | | |");
            return;
        }
        double wall = (System.nanoTime() - t0) / 1e9; // determinism-ok: reporting only
        if (code != 0 || !Files.isRegularFile(results) || Files.getLastModifiedTime(results).toInstant().isBefore(started)) {
            w.println("| Lincheck / jcstress | cross-checks | not measured: the cross-check suites failed (exit " + code + ", see " + log + ") | | |");
            return;
        }
        JsonNode rows = Json.MAPPER.readTree(Files.readString(results)).path("rows");
        for (JsonNode r : rows) {
            if (!"model".equals(r.path("subject").asText())) continue;
            String v = r.path("variant").asText();
            JsonNode l = r.path("lincheck");
            if (l.has("seconds"))
                w.printf("| Lincheck time to verdict (s), %s: %s | lincheck %s | %s | | 1 |%n", v, l.path("verdict").asText(), l.path("config").asText(), l.path("seconds").asText());
            JsonNode j = r.path("jcstress");
            if (j.has("total"))
                w.printf("| jcstress observations in %.0f s (-m quick), %s: %d #10220 outcomes | jcstress | %d | | 1 |%n",
                        j.path("seconds").asDouble(), v, j.path("bugOutcomes").asLong(), j.path("total").asLong());
        }
        w.printf("| (both cross-check suites, through Maven, wall) | lincheck + jcstress | %.0f s | | |%n", wall);
    }
}
