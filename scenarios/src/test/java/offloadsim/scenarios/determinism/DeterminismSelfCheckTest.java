package offloadsim.scenarios.determinism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import org.junit.jupiter.api.Test;

/**
 * FoundationDB-style unseed check on the real model: a sample of seeds of every scenario and variant is
 * run twice (and once more in a second JVM) and must give byte-identical traces.
 */
class DeterminismSelfCheckTest {

    /** One line per (scenario, variant, seed): the trace hash and the schedule. */
    static String fingerprints(long fromSeed, long toSeed) {
        StringBuilder sb = new StringBuilder();
        for (Scenario s : ScenarioCatalog.all()) {
            for (Variant v : Variant.values()) {
                for (long seed = fromSeed; seed < toSeed; seed++) {
                    RunResult r = Explorer.runSeed(s.program(v), new RandomWalk(), seed, s.runOptions());
                    sb.append(s.name()).append(' ').append(v.id()).append(' ').append(seed).append(' ')
                      .append(r.trace().hash()).append(' ').append(r.outcome().kind()).append(' ').append(r.schedule().encode()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void sameSeedSameTraceTextInOneJvm() {
        for (Scenario s : ScenarioCatalog.all()) {
            for (Variant v : Variant.values()) {
                for (long seed = 1; seed <= 5; seed++) {
                    RunResult a = Explorer.runSeed(s.program(v), new RandomWalk(), seed, s.runOptions());
                    RunResult b = Explorer.runSeed(s.program(v), new RandomWalk(), seed, s.runOptions());
                    assertEquals(a.trace().text(), b.trace().text(), s.name() + " " + v.id() + " seed " + seed);
                    RunResult replayed = Explorer.replay(s.program(v), a.schedule(), s.runOptions());
                    assertEquals(a.trace().text(), replayed.trace().text(), "replay of " + s.name() + " " + v.id() + " seed " + seed);
                }
            }
        }
    }

    @Test
    void sameSeedSameTraceInASecondJvm() throws IOException, InterruptedException {
        String here = fingerprints(1, 4);
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(List.of(java, "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), FingerprintMain.class.getName(), "1", "4")).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "second JVM did not finish");
        assertEquals(0, p.exitValue(), err);
        assertEquals(here, out);
    }

    /** Entry point of the second JVM. */
    public static final class FingerprintMain {
        public static void main(String[] args) {
            System.out.print(fingerprints(Long.parseLong(args[0]), Long.parseLong(args[1])));
        }
    }
}
