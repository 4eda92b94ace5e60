package offloadsim.sim.det;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import offloadsim.sim.api.Panic;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimGate;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.jvm.JvmSim;
import offloadsim.sim.strategy.RandomWalk;
import org.junit.jupiter.api.Test;

/** The gate (Gate::enter / Gate::close) and std-mutex poisoning, on both bindings. */
class GateAndPoisonTest {

    private static RunResult run(offloadsim.sim.explore.Program p, long seed) {
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(seed);
        return DetSim.run(p, rw, seed, RunOptions.defaults());
    }

    /** close returns only after every holder left, and no enter succeeds once close started, on every schedule tried. */
    @Test
    void closeWaitsForHoldersAndRefusesLaterEnters() {
        for (long seed = 0; seed < 200; seed++) {
            List<String> log = new ArrayList<>();
            RunResult r = run(sim -> {
                SimGate gate = sim.gate("tenant");
                for (String n : List.of("a", "b", "c")) {
                    sim.spawn(n, () -> {
                        sim.yieldPoint("before enter");
                        SimGate.Guard g = gate.enter();
                        if (g == null) {
                            log.add(n + " refused");
                            return;
                        }
                        log.add(n + " in");
                        sim.yieldPoint("holding");
                        log.add(n + " out");
                        g.close();
                    });
                }
                sim.spawn("closer", () -> {
                    sim.yieldPoint("before close");
                    log.add("close starts");
                    gate.close("close");
                    log.add("closed");
                });
                return Oracles.NONE;
            }, seed);
            assertEquals(Outcome.Kind.OK, r.outcome().kind(), r.outcome().summary());
            int start = log.indexOf("close starts");
            int closed = log.indexOf("closed");
            for (String n : List.of("a", "b", "c")) {
                int in = log.indexOf(n + " in");
                if (in >= 0) {
                    assertTrue(in < start, "seed " + seed + ": " + n + " entered after close started: " + log);
                    assertTrue(log.indexOf(n + " out") < closed, "seed " + seed + ": close returned before " + n + " left: " + log);
                } else {
                    assertTrue(log.indexOf(n + " refused") > start, "seed " + seed + ": " + log);
                }
            }
        }
    }

    @Test
    void gateOnTheJvmBinding() throws Exception {
        Sim sim = new JvmSim(false, 1, false);
        SimGate gate = sim.gate("tenant");
        SimGate.Guard held = gate.enter();
        assertNotNull(held);
        AtomicBoolean closed = new AtomicBoolean();
        var closer = sim.spawn("closer", () -> {
            gate.close("close");
            closed.set(true);
        });
        while (!gate.isClosed()) Thread.onSpinWait();
        assertNull(gate.enter(), "enter must fail once close started");
        assertTrue(!closed.get(), "close must wait for the holder");
        held.close();
        closer.join();
        assertTrue(closed.get());
    }

    /** A panic while a std mutex is held poisons it: the next lock attempt panics with a PoisonError. */
    @Test
    void poisonedStdMutexPanicsOnLaterLock() {
        List<String> seen = new ArrayList<>();
        RunResult r = run(sim -> {
            var m = sim.mutex("timelines", false);
            var asyncM = sim.mutex("gc_cs", true);
            sim.spawn("first", () -> {
                try (var g = m.lock(); var a = asyncM.lock()) {
                    m.poison();
                    asyncM.poison();
                }
                try (var a = asyncM.lock()) {
                    seen.add("async mutex still usable");
                }
                sim.yieldPoint("after");
                m.lock();
            });
            return Oracles.NONE;
        }, 1);
        assertEquals(List.of("async mutex still usable"), seen);
        assertEquals(Outcome.Kind.PANIC, r.outcome().kind());
        assertTrue(r.outcome().message().contains("PoisonError") && r.outcome().message().contains("timelines"), r.outcome().message());
    }

    @Test
    void poisonOnTheJvmBinding() {
        Sim sim = new JvmSim(true, 1, false);
        var m = sim.mutex("timelines", false);
        try (var g = m.lock()) {
            m.poison();
        }
        Panic p = assertThrows(Panic.class, m::lock);
        assertTrue(p.getMessage().contains("PoisonError"));
        assertThrows(Panic.class, m::tryLock);
        assertTrue(m.isPoisoned());
    }
}
