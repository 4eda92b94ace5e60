package offloadsim.sim.det;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import offloadsim.sim.toy.DeterminismProbe;
import offloadsim.sim.toy.Toys;
import offloadsim.sim.trace.Trace;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static RunResult run(long seed, Trace.Level level) {
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(seed);
        return DetSim.run(Toys.yielders(4, 6), rw, seed, RunOptions.defaults().withTrace(level));
    }

    @Test
    void sameSeedGivesByteIdenticalTrace() {
        for (long seed = 0; seed < 50; seed++) {
            RunResult a = run(seed, Trace.Level.FULL);
            RunResult b = run(seed, Trace.Level.FULL);
            assertEquals(a.trace().text(), b.trace().text(), "trace text of seed " + seed);
            assertEquals(a.trace().hash(), b.trace().hash(), "trace hash of seed " + seed);
            assertEquals(a.schedule(), b.schedule());
        }
    }

    @Test
    void hashDoesNotDependOnTheTraceLevel() {
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(run(seed, Trace.Level.FULL).trace().hash(), run(seed, Trace.Level.HASH_ONLY).trace().hash());
        }
    }

    @Test
    void differentSeedsGiveDifferentInterleavings() {
        Set<Long> interleavings = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) interleavings.add(run(seed, Trace.Level.HASH_ONLY).trace().interleavingHash());
        assertTrue(interleavings.size() >= 45, "50 seeds gave only " + interleavings.size() + " distinct interleavings");
    }

    @Test
    void sameSeedGivesSameTraceInASeparateJvm() throws IOException, InterruptedException {
        String inProcess = DeterminismProbe.hashes(100, 130);
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(java, "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), DeterminismProbe.class.getName(), "100", "130"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "second JVM did not finish");
        assertEquals(0, p.exitValue(), "second JVM failed: " + err);
        assertEquals(inProcess, out, "traces differ between two JVMs");
    }
}
