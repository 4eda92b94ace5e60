package offloadsim.sim.toy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimLatch;
import offloadsim.sim.api.SimMutex;
import offloadsim.sim.api.SimNotify;
import offloadsim.sim.api.SimVar;
import offloadsim.sim.api.TaskHandle;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.Violation;

/**
 * Small random concurrent programs over every primitive of the runtime (shared variables, sync and async
 * mutexes, latches, notifies, random draws, spawn/join from tasks, virtual sleeps and timed waits), for checking a
 * reduction against the unreduced search. The oracle records every state it sees after a step into a
 * caller's set; a state covers all shared values, every task's private accumulator and progress, lock
 * owners and latches, so a step wrongly judged independent shows up as a missing state.
 */
public final class RandomPrograms {
    private RandomPrograms() {}

    private enum Kind { READ, WRITE, ADD, LOCKED_ADD, ASYNC_LOCKED, OPEN, AWAIT, NOTIFY, NOTIFIED, DRAW, SPAWN_JOIN, SLEEP }

    private record Op(Kind kind, int a, int b) {}

    private static final int VARS = 2;

    /** How the per-step oracle looks at the program. */
    public enum Watch {
        /** Records every state and fails when the shared values add up to a chosen sum; reads values with peek (invisible to reductions). */
        STATES,
        /** The same sum check, reading the values through the runtime, so that a reduction sees what the oracle watches. */
        SUM_THROUGH_RUNTIME,
        /** No per-step check: failures come only from the tasks (panics, deadlocks). */
        NONE
    }

    /** A program of {@code tasks} tasks with up to {@code opsPerTask} operations each, chosen by {@code seed}. */
    public static Program generate(long seed, int tasks, int opsPerTask, Set<String> statesSeen) {
        return generate(seed, tasks, opsPerTask, statesSeen, Watch.STATES);
    }

    public static Program generate(long seed, int tasks, int opsPerTask, Set<String> statesSeen, Watch watch) {
        return generate(seed, tasks, opsPerTask, statesSeen, watch, Mix.ALL);
    }

    /** Which operations the tasks draw from. */
    public enum Mix {
        /** Every primitive, uniformly. */
        ALL,
        /**
         * Virtual time at work: about half the operations sleep or wait on the latch with a timeout (1 to 3 ms,
         * so several tasks often come due at the same instant and one clock advance resumes them together),
         * the rest read, write and open the latch the waits watch.
         */
        TIMERS
    }

    private static final Kind[] TIMER_MIX = {Kind.SLEEP, Kind.SLEEP, Kind.AWAIT, Kind.AWAIT, Kind.READ, Kind.WRITE, Kind.ADD, Kind.OPEN};

    public static Program generate(long seed, int tasks, int opsPerTask, Set<String> statesSeen, Watch watch, Mix mix) {
        SplittableRandom r = new SplittableRandom(seed);
        List<List<Op>> bodies = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            List<Op> ops = new ArrayList<>();
            int n = 1 + r.nextInt(opsPerTask);
            for (int i = 0; i < n; i++) {
                if (mix == Mix.ALL) {
                    ops.add(new Op(Kind.values()[r.nextInt(Kind.values().length)], r.nextInt(VARS), r.nextInt(3)));
                } else {
                    Kind k = TIMER_MIX[r.nextInt(TIMER_MIX.length)];
                    boolean timed = k == Kind.SLEEP || k == Kind.AWAIT;
                    ops.add(new Op(k, r.nextInt(VARS), timed ? 1 + r.nextInt(3) : r.nextInt(3)));
                }
            }
            bodies.add(ops);
        }
        int violationSum = 2 + r.nextInt(4);
        if (Boolean.getBoolean("debug.programs")) System.out.println("program " + seed + ": " + bodies + " violation sum " + violationSum);
        return sim -> {
            List<SimVar<Integer>> vars = new ArrayList<>();
            for (int i = 0; i < VARS; i++) vars.add(sim.var("v" + i, 0));
            SimMutex sync = sim.mutex("sync", false);
            SimMutex async = sim.mutex("async", true);
            SimLatch latch = sim.latch("latch");
            SimNotify notify = sim.notify("notify");
            int slots = tasks * 2; // a task and its child
            long[] acc = new long[slots];
            int[] pc = new int[slots];
            for (int t = 0; t < tasks; t++) {
                int slot = t;
                List<Op> body = bodies.get(t);
                sim.spawn("t" + t, () -> run(sim, body, slot, slot + tasks, acc, pc, vars, sync, async, latch, notify));
            }
            return new Oracles() {
                private String state() {
                    StringBuilder sb = new StringBuilder();
                    for (SimVar<Integer> v : vars) sb.append(v.peek()).append(',');
                    for (int i = 0; i < slots; i++) sb.append(acc[i]).append('@').append(pc[i]).append(',');
                    return sb.append(sync.owner()).append(',').append(async.owner()).append(',').append(latch.isOpen()).toString();
                }

                @Override
                public Violation afterStep() {
                    if (watch == Watch.NONE) return null;
                    if (watch == Watch.STATES) statesSeen.add(state());
                    int sum = 0;
                    for (SimVar<Integer> v : vars) sum += watch == Watch.STATES ? v.peek() : v.get();
                    return sum == violationSum ? new Violation("sum", "shared values add up to " + sum) : null;
                }

                @Override
                public String finalState() {
                    return state();
                }
            };
        };
    }

    private static void run(Sim sim, List<Op> body, int slot, int childSlot, long[] acc, int[] pc, List<SimVar<Integer>> vars,
                            SimMutex sync, SimMutex async, SimLatch latch, SimNotify notify) {
        for (Op op : body) {
            SimVar<Integer> v = vars.get(op.a());
            switch (op.kind()) {
                case READ -> acc[slot] = acc[slot] * 31 + v.get();
                case WRITE -> v.set((int) Math.floorMod(acc[slot] + op.b(), 3));
                case ADD -> v.update(x -> x + 1);
                case LOCKED_ADD -> {
                    try (var g = sync.lock()) {
                        acc[slot] = acc[slot] * 31 + v.get();
                        v.update(x -> x + 1);
                    }
                }
                case ASYNC_LOCKED -> {
                    try (var g = async.lock()) {
                        acc[slot] = acc[slot] * 31 + v.get();
                        sim.yieldPoint("holding async");
                        v.set((int) Math.floorMod(acc[slot], 3));
                    }
                }
                case OPEN -> latch.open();
                case AWAIT -> latch.await(op.b() * 1_000_000L, "await latch");
                case NOTIFY -> notify.notifyOne();
                case NOTIFIED -> notify.notified("notified");
                case DRAW -> acc[slot] = acc[slot] * 31 + sim.nextInt(2, "draw");
                case SPAWN_JOIN -> {
                    int target = op.a();
                    TaskHandle child = sim.spawn("child", () -> {
                        vars.get(target).update(x -> x + 2);
                        pc[childSlot]++;
                        sim.yieldPoint("child");
                        acc[childSlot] = vars.get(1 - target).get();
                        pc[childSlot]++;
                    });
                    sim.yieldPoint("spawned");
                    child.join();
                }
                case SLEEP -> sim.sleep(op.b() * 1_000_000L, "sleep");
            }
            pc[slot]++;
            sim.yieldPoint("op");
        }
    }
}
