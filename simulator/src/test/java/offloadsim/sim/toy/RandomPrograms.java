package offloadsim.sim.toy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import offloadsim.sim.api.CancellationToken;
import offloadsim.sim.api.FailpointException;
import offloadsim.sim.api.Failpoints;
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
 * mutexes and try_lock, latches, notifies, cancellation tokens with a child, a failpoint that pauses,
 * fails or does nothing, random draws, spawn/join from tasks, virtual sleeps and timed waits), for checking a reduction
 * against the unreduced search. The operations whose footprint depends on the state they find (opening
 * an open latch, notifying with a permit stored, a refused try_lock, cancelling a cancelled token,
 * reaching a paused failpoint after another task did, bumping its hit counter) and the commuting change of a
 * shared variable recur across tasks so
 * that the independences they claim are exercised. The oracle records every state it sees after a step into a
 * caller's set; a state covers all shared values, every task's private accumulator and progress, lock
 * owners and latches, so a step wrongly judged independent shows up as a missing state.
 */
public final class RandomPrograms {
    private RandomPrograms() {}

    private enum Kind { READ, WRITE, ADD, LOCKED_ADD, ASYNC_LOCKED, OPEN, AWAIT, NOTIFY, NOTIFIED, DRAW, SPAWN_JOIN, SLEEP,
        REACH, RELEASE, HITS, TRY_LOCK, CANCEL, CANCELLED, COMMUTE, BRANCH, BUMP }

    /** Which operations the tasks draw from. */
    public enum Mix {
        /**
         * Every primitive, uniformly — but {@code SimVar.commute}, which came later and is drawn by {@link #COMMUTES}:
         * adding it here would change every one of these programs, which the checks' figures describe.
         */
        ALL(Kind.READ, Kind.WRITE, Kind.ADD, Kind.LOCKED_ADD, Kind.ASYNC_LOCKED, Kind.OPEN, Kind.AWAIT, Kind.NOTIFY, Kind.NOTIFIED,
                Kind.DRAW, Kind.SPAWN_JOIN, Kind.SLEEP, Kind.REACH, Kind.RELEASE, Kind.HITS, Kind.TRY_LOCK, Kind.CANCEL, Kind.CANCELLED),
        /**
         * Steps whose footprint depends on what they read (a read, then a commuting bump of the other
         * variable only if the value read is odd) among commuting bumps, reads and writes: a step moved ahead
         * of a race touches other objects than the ones recorded where it ran after it, as the model's steps
         * that register a task or not depending on the queue they find.
         */
        BRANCHING(Kind.BRANCH, Kind.BRANCH, Kind.BUMP, Kind.BUMP, Kind.READ, Kind.WRITE, Kind.ADD),
        /**
         * Virtual time at work: about half the operations sleep or wait on the latch with a timeout (1 to 3 ms,
         * so several tasks often come due at the same instant and one clock advance resumes them together),
         * the rest read, write and open the latch the waits watch.
         */
        TIMERS(Kind.SLEEP, Kind.SLEEP, Kind.AWAIT, Kind.AWAIT, Kind.READ, Kind.WRITE, Kind.ADD, Kind.OPEN),
        /** The operations with a state-dependent footprint, with plain reads and writes between them. */
        IDEMPOTENT(Kind.OPEN, Kind.AWAIT, Kind.NOTIFY, Kind.NOTIFIED, Kind.REACH, Kind.RELEASE, Kind.HITS, Kind.TRY_LOCK,
                Kind.CANCEL, Kind.CANCELLED, Kind.READ, Kind.WRITE),
        /**
         * Commuting changes of the shared variables ({@code SimVar.commute}, an update: independent of other
         * commutes, ordered with every get, set and update), the model's shared cells' pattern (task_mgr's ended
         * set, the history's other answers), among reads, writes and read-modify-writes with and without a lock.
         * No draws: with them dpor misses a final state on program 147 whether the change is a commute or a plain
         * update — a wake-up sequence merged into a sibling step with other draw values — which is dpor's, not
         * the footprint's, and open.
         */
        COMMUTES(Kind.COMMUTE, Kind.COMMUTE, Kind.COMMUTE, Kind.READ, Kind.WRITE, Kind.ADD, Kind.LOCKED_ADD),
        /** {@link #COMMUTES} with random draws: a task's step with other draw values is another event of it. */
        DRAWS(Kind.COMMUTE, Kind.COMMUTE, Kind.COMMUTE, Kind.READ, Kind.WRITE, Kind.ADD, Kind.LOCKED_ADD, Kind.DRAW);

        private final Kind[] kinds;

        Mix(Kind... kinds) {
            this.kinds = kinds;
        }
    }

    private static final String FAILPOINT = "fp";

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

    public static Program generate(long seed, int tasks, int opsPerTask, Set<String> statesSeen, Watch watch, Mix mix) {
        SplittableRandom r = new SplittableRandom(seed);
        List<List<Op>> bodies = new ArrayList<>();
        Kind[] kinds = mix.kinds;
        for (int t = 0; t < tasks; t++) {
            List<Op> ops = new ArrayList<>();
            int n = 1 + r.nextInt(opsPerTask);
            for (int i = 0; i < n; i++) {
                Kind k = kinds[r.nextInt(kinds.length)];
                boolean timed = mix == Mix.TIMERS && (k == Kind.SLEEP || k == Kind.AWAIT);
                ops.add(new Op(k, r.nextInt(VARS), timed ? 1 + r.nextInt(3) : r.nextInt(3)));
            }
            bodies.add(ops);
        }
        int violationSum = 2 + r.nextInt(4);
        // mostly paused, so that reaches meet at the point; sometimes failing or off
        Failpoints.Mode fpMode = switch (r.nextInt(4)) {
            case 0 -> Failpoints.Mode.FAIL;
            case 1 -> Failpoints.Mode.OFF;
            default -> Failpoints.Mode.PAUSE;
        };
        if (Boolean.getBoolean("debug.programs")) System.out.println("program " + seed + ": " + bodies + " violation sum " + violationSum + " failpoint " + fpMode);
        return sim -> {
            List<SimVar<Integer>> vars = new ArrayList<>();
            for (int i = 0; i < VARS; i++) vars.add(sim.var("v" + i, 0));
            SimMutex sync = sim.mutex("sync", false);
            SimMutex async = sim.mutex("async", true);
            SimLatch latch = sim.latch("latch");
            SimNotify notify = sim.notify("notify");
            CancellationToken token = sim.cancellationToken("token");
            CancellationToken child = token.child("child token");
            sim.failpoints().configure(FAILPOINT, fpMode);
            int slots = tasks * 2; // a task and its child
            long[] acc = new long[slots];
            int[] pc = new int[slots];
            for (int t = 0; t < tasks; t++) {
                int slot = t;
                List<Op> body = bodies.get(t);
                sim.spawn("t" + t, () -> run(sim, body, slot, slot + tasks, acc, pc, vars, sync, async, latch, notify, token, child));
            }
            return new Oracles() {
                private String state() {
                    StringBuilder sb = new StringBuilder();
                    for (SimVar<Integer> v : vars) sb.append(v.peek()).append(',');
                    for (int i = 0; i < slots; i++) sb.append(acc[i]).append('@').append(pc[i]).append(',');
                    sb.append(sync.owner()).append(',').append(async.owner()).append(',').append(latch.isOpen());
                    Failpoints fp = sim.failpoints();
                    sb.append(',').append(fp.mode(FAILPOINT)).append('x').append(fp.hits(FAILPOINT));
                    return sb.append(',').append(token.isCancelled()).append(',').append(child.isCancelled()).toString();
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
                            SimMutex sync, SimMutex async, SimLatch latch, SimNotify notify, CancellationToken token,
                            CancellationToken childToken) {
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
                case REACH -> {
                    try {
                        sim.failpoint(FAILPOINT);
                        acc[slot] = acc[slot] * 31 + 3;
                    } catch (FailpointException e) {
                        acc[slot] = acc[slot] * 31 + 4;
                    }
                }
                case RELEASE -> {
                    // as a scenario's driver: wait until some task is paused there, then let them all go
                    if (sim.failpoints().mode(FAILPOINT) == Failpoints.Mode.PAUSE && op.b() > 0) sim.failpoints().awaitPaused(FAILPOINT, "await paused");
                    sim.failpoints().release(FAILPOINT);
                }
                case HITS -> acc[slot] = acc[slot] * 31 + sim.failpoints().hits(FAILPOINT);
                case TRY_LOCK -> {
                    // the async mutex, held across a yield, so that another task's try_lock can be refused
                    SimMutex.Guard g = async.tryLock();
                    if (g == null) {
                        acc[slot] = acc[slot] * 31 + 5;
                    } else {
                        try (g) {
                            v.update(x -> x + 1);
                            sim.yieldPoint("holding try-locked");
                        }
                    }
                }
                case BRANCH -> {
                    int x = v.get();
                    acc[slot] = acc[slot] * 31 + x;
                    if (x % 2 == 1) vars.get(1 - op.a()).commute(y -> y + 2);
                }
                case BUMP -> v.commute(y -> y + 1);
                case CANCEL -> (op.b() == 0 ? childToken : token).cancel();
                case CANCELLED -> acc[slot] = acc[slot] * 31 + ((op.b() == 0 ? childToken : token).isCancelled() ? 1 : 2);
                case COMMUTE -> v.commute(x -> x + 1 + op.b()); // additions commute; the task does not look at the result
            }
            pc[slot]++;
            sim.yieldPoint("op");
        }
    }
}
