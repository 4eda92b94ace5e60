package offloadsim.sim.toy;

import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimMutex;
import offloadsim.sim.api.SimVar;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.Violation;

/** Small racy programs with known answers, shared by the simulator's tests and benchmarks. */
public final class Toys {
    private Toys() {}

    /**
     * Two tasks each check a balance and then withdraw, with a yield between check and act: the classic
     * check-then-act race. Oracle: the balance never goes negative.
     */
    public static Program checkThenAct() {
        return sim -> {
            SimVar<Integer> balance = sim.var("balance", 10);
            for (String who : new String[] {"alice", "bob"}) {
                sim.spawn(who, () -> {
                    if (balance.get() >= 10) {
                        sim.yieldPoint("withdraw/after-check");
                        balance.update(b -> b - 10);
                    }
                });
            }
            return new Oracles() {
                @Override
                public Violation afterStep() {
                    int b = balance.get();
                    return b < 0 ? new Violation("non-negative-balance", "balance is " + b) : null;
                }

                @Override
                public String finalState() {
                    return "balance=" + balance.get();
                }
            };
        };
    }

    /** The same withdrawal done under a mutex: no violation is possible. */
    public static Program lockedCheckThenAct() {
        return sim -> {
            SimVar<Integer> balance = sim.var("balance", 10);
            SimMutex m = sim.mutex("account", true);
            for (String who : new String[] {"alice", "bob"}) {
                sim.spawn(who, () -> {
                    try (var g = m.lock()) {
                        if (balance.get() >= 10) {
                            sim.yieldPoint("withdraw/after-check");
                            balance.update(b -> b - 10);
                        }
                    }
                });
            }
            return new Oracles() {
                @Override
                public Violation afterStep() {
                    int b = balance.get();
                    return b < 0 ? new Violation("non-negative-balance", "balance is " + b) : null;
                }

                @Override
                public String finalState() {
                    return "balance=" + balance.get();
                }
            };
        };
    }

    /** {@code tasks} tasks each yield {@code yields} times and log every step: many interleavings. */
    public static Program yielders(int tasks, int yields) {
        return sim -> {
            SimVar<Integer> counter = sim.var("counter", 0);
            for (int t = 0; t < tasks; t++) {
                int id = t;
                sim.spawn("worker-" + t, () -> {
                    for (int i = 0; i < yields; i++) {
                        counter.update(c -> c + 1);
                        sim.event("tick", "worker-" + id + " step " + i);
                        sim.yieldPoint("worker/loop");
                    }
                });
            }
            return new Oracles() {
                @Override
                public String finalState() {
                    return "counter=" + counter.get();
                }
            };
        };
    }

    /** Two tasks take two async mutexes in opposite order: deadlocks under some schedules. */
    public static Program lockOrderDeadlock() {
        return sim -> {
            SimMutex a = sim.mutex("A", true);
            SimMutex b = sim.mutex("B", true);
            sim.spawn("ab", () -> {
                try (var ga = a.lock()) {
                    sim.yieldPoint("ab/holding-A");
                    try (var gb = b.lock()) {
                        sim.event("done", "ab");
                    }
                }
            });
            sim.spawn("ba", () -> {
                try (var gb = b.lock()) {
                    sim.yieldPoint("ba/holding-B");
                    try (var ga = a.lock()) {
                        sim.event("done", "ba");
                    }
                }
            });
            return Oracles.NONE;
        };
    }

    /**
     * An ordering bug of depth 2 (PCT's sense) among {@code noise} extra tasks: task "a" must run its
     * first step, then task "b" its only step, then "a" its second step.
     */
    public static Program depthTwo(int noise, int noiseYields) {
        return sim -> {
            SimVar<Integer> phase = sim.var("phase", 0);
            SimVar<Boolean> bug = sim.var("bug", false);
            sim.spawn("a", () -> {
                phase.set(1);
                sim.yieldPoint("a/between");
                if (phase.get() == 2) bug.set(true);
                phase.set(3);
            });
            sim.spawn("b", () -> {
                if (phase.get() == 1) phase.set(2);
            });
            for (int n = 0; n < noise; n++) {
                sim.spawn("noise-" + n, () -> {
                    for (int i = 0; i < noiseYields; i++) sim.yieldPoint("noise/loop");
                });
            }
            return new Oracles() {
                @Override
                public Violation afterStep() {
                    return bug.get() ? new Violation("ordering", "b ran between a's two steps") : null;
                }
            };
        };
    }

    /**
     * Two polite tasks: each raises its flag, then waits (yielding) while the other's is raised, then
     * lowers it. When both raise their flags before either checks, neither ever proceeds: a livelock that
     * only the step budget ends. Other schedules finish.
     */
    public static Program livelock() {
        return sim -> {
            SimVar<Boolean> a = sim.var("flag-a", false);
            SimVar<Boolean> b = sim.var("flag-b", false);
            sim.spawn("a", () -> polite(sim, a, b));
            sim.spawn("b", () -> polite(sim, b, a));
            return Oracles.NONE;
        };
    }

    private static void polite(offloadsim.sim.api.Sim sim, SimVar<Boolean> mine, SimVar<Boolean> other) {
        mine.set(true);
        sim.yieldPoint("raised");
        while (other.get()) sim.yieldPoint("after-you");
        mine.set(false);
    }

    /** A task whose every step burns {@code millis} of wall time: a run the time budget must end. */
    public static Program slowSteps(int millis) {
        return sim -> {
            sim.spawn("slow", () -> {
                for (int i = 0; i < 1_000; i++) {
                    long until = System.nanoTime() + millis * 1_000_000L; // determinism-ok: a test of the wall-time budget
                    while (System.nanoTime() < until) Thread.onSpinWait(); // determinism-ok
                    sim.yieldPoint("slow");
                }
            });
            sim.spawn("other", () -> sim.yieldPoint("other"));
            return Oracles.NONE;
        };
    }

    /**
     * A task spins (yielding) until another sets a flag. Fair schedulers end it; PCT, which always runs the
     * highest-priority task, spins forever whenever the spinner outranks the setter.
     */
    public static Program spinWait() {
        return sim -> {
            SimVar<Boolean> done = sim.var("done", false);
            sim.spawn("spinner", () -> {
                while (!done.get()) sim.yieldPoint("spin");
            });
            sim.spawn("setter", () -> done.set(true));
            return Oracles.NONE;
        };
    }
}
