package offloadsim.sim.det;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import offloadsim.sim.api.FailpointException;
import offloadsim.sim.api.Failpoints;

import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Outcome;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.RandomWalk;
import org.junit.jupiter.api.Test;

class PrimitivesTest {

    private static RunResult run(Program p, long seed) {
        RandomWalk rw = new RandomWalk();
        rw.beginExecution(seed);
        return DetSim.run(p, rw, seed, RunOptions.defaults());
    }

    @Test
    void asyncMutexServesWaitersInArrivalOrderAndRecordsOwner() {
        for (long seed = 0; seed < 30; seed++) {
            List<String> order = new ArrayList<>();
            List<String> owners = new ArrayList<>();
            RunResult r = run(sim -> {
                var m = sim.mutex("m", true);
                var arrived = new ArrayList<String>();
                for (String n : List.of("t1", "t2", "t3")) {
                    sim.spawn(n, () -> {
                        sim.yieldPoint("arrive");
                        arrived.add(sim.currentTaskName());
                        try (var g = m.lock()) {
                            owners.add(m.owner());
                            order.add(sim.currentTaskName());
                            sim.yieldPoint("holding");
                        }
                    });
                }
                return new Oracles() {
                    @Override
                    public String finalState() {
                        return String.join(",", arrived);
                    }
                };
            }, seed);
            assertEquals(Outcome.Kind.OK, r.outcome().kind());
            assertEquals(r.finalState(), String.join(",", order), "lock order follows arrival order, seed " + seed);
            assertEquals(order, owners);
        }
    }

    @Test
    void tryLockFailsWhileHeld() {
        List<Boolean> got = new ArrayList<>();
        run(sim -> {
            var m = sim.mutex("guard", true);
            sim.spawn("holder", () -> {
                try (var g = m.lock()) {
                    sim.yieldPoint("hold");
                    sim.yieldPoint("hold-more");
                }
            });
            sim.spawn("trier", () -> {
                sim.yieldPoint("wait");
                var g = m.tryLock();
                got.add(g != null);
                if (g != null) g.close();
            });
            return Oracles.NONE;
        }, 3);
        assertEquals(1, got.size());
    }

    @Test
    void virtualClockOnlyMovesWhenNothingCanRunAndTimeoutsFire() {
        List<Long> seen = new ArrayList<>();
        List<Boolean> results = new ArrayList<>();
        RunResult r = run(sim -> {
            var latch = sim.latch("barrier");
            sim.spawn("waiter", () -> {
                results.add(latch.await(10_000_000_000L, "wait_completion"));
                seen.add(sim.nowNanos());
            });
            sim.spawn("sleeper", () -> {
                sim.sleep(3_000_000_000L, "sleep");
                seen.add(sim.nowNanos());
            });
            return Oracles.NONE;
        }, 1);
        assertEquals(Outcome.Kind.OK, r.outcome().kind());
        assertEquals(List.of(3_000_000_000L, 10_000_000_000L), seen);
        assertEquals(List.of(false), results);
    }

    @Test
    void notifyKeepsOnePermit() {
        List<String> log = new ArrayList<>();
        RunResult r = run(sim -> {
            var n = sim.notify("work");
            n.notifyOne();
            n.notifyOne();
            sim.spawn("worker", () -> {
                n.notified("first");
                log.add("first");
                n.notified("second");
                log.add("second");
            });
            return Oracles.NONE;
        }, 1);
        assertEquals(List.of("first"), log);
        assertEquals(Outcome.Kind.DEADLOCK, r.outcome().kind(), "only one permit is stored");
    }

    @Test
    void cancellationReachesChildren() {
        List<Boolean> seen = new ArrayList<>();
        RunResult r = run(sim -> {
            var parent = sim.cancellationToken("tenant");
            var child = parent.child("timeline");
            sim.spawn("watcher", () -> {
                child.cancelled("cancelled");
                seen.add(child.isCancelled());
            });
            sim.spawn("canceller", () -> {
                sim.yieldPoint("before-cancel");
                parent.cancel();
            });
            return Oracles.NONE;
        }, 5);
        assertEquals(Outcome.Kind.OK, r.outcome().kind());
        assertEquals(List.of(true), seen);
    }

    @Test
    void pausedFailpointHoldsTheTaskUntilReleased() {
        for (long seed = 0; seed < 20; seed++) {
            List<String> log = new ArrayList<>();
            RunResult r = run(sim -> {
                sim.failpoints().configure("before-timeline-auto-offload", Failpoints.Mode.PAUSE);
                sim.spawn("compaction", () -> {
                    log.add("decided");
                    sim.failpoint("before-timeline-auto-offload");
                    log.add("offload");
                });
                sim.spawn("driver", () -> {
                    sim.failpoints().awaitPaused("before-timeline-auto-offload", "await-paused");
                    log.add("unarchive");
                    sim.failpoints().release("before-timeline-auto-offload");
                });
                return Oracles.NONE;
            }, seed);
            assertEquals(Outcome.Kind.OK, r.outcome().kind());
            assertEquals(List.of("decided", "unarchive", "offload"), log, "seed " + seed);
        }
    }

    @Test
    void failingFailpointThrowsAndProbabilityIsSeeded() {
        List<Boolean> failed = new ArrayList<>();
        Program p = sim -> {
            sim.failpoints().failWithProbability("upload", 0.5);
            sim.spawn("uploader", () -> {
                for (int i = 0; i < 40; i++) {
                    try {
                        sim.failpoint("upload");
                        failed.add(false);
                    } catch (FailpointException e) {
                        failed.add(true);
                    }
                }
            });
            return Oracles.NONE;
        };
        run(p, 11);
        List<Boolean> first = List.copyOf(failed);
        failed.clear();
        run(p, 11);
        assertEquals(first, failed, "same seed, same failures");
        assertTrue(first.contains(true) && first.contains(false));
    }

    @Test
    void joinWaitsForTheTask() {
        List<String> log = new ArrayList<>();
        RunResult r = run(sim -> {
            var child = sim.spawn("child", () -> {
                sim.yieldPoint("work");
                log.add("child done");
            });
            sim.spawn("parent", () -> {
                child.join();
                log.add("joined");
                assertTrue(child.isDone());
                assertNull(child.failure());
            });
            return Oracles.NONE;
        }, 2);
        assertEquals(Outcome.Kind.OK, r.outcome().kind());
        assertEquals(List.of("child done", "joined"), log);
    }

    @Test
    void yieldOutsideATaskIsRejected() {
        RunResult r = run(sim -> {
            sim.yieldPoint("setup");
            return Oracles.NONE;
        }, 1);
        assertEquals("setup", r.outcome().oracle());
        assertFalse(r.outcome().message().isEmpty());
    }

    @Test
    void daemonsDoNotKeepTheRunAlive() {
        RunResult r = run(sim -> {
            var n = sim.notify("never");
            sim.spawnDaemon("upload-worker", () -> n.notified("idle"));
            sim.spawn("op", () -> sim.yieldPoint("work"));
            return Oracles.NONE;
        }, 1);
        assertEquals(Outcome.Kind.OK, r.outcome().kind());
    }

}
