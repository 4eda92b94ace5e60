package offloadsim.sim.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Collects {@link Coverage} inside every execution of one exploration, so it must cost next to nothing:
 * labels are interned to small ints once (a hash lookup per suspension), hits are an array increment and
 * switches a bit in a square bitset indexed by the two ids. Not thread-safe: one recorder per exploration
 * thread. Names are sorted only when {@link #coverage()} is asked for.
 *
 * <p>Definitions (what the runtime calls them):
 * <ul>
 *   <li>a task is <em>suspended at</em> a label when its step ends there: a yield point, a preemption point
 *       in preemptive mode, or a wait that blocked (mutex, latch, notify, sleep, join, paused failpoint) —
 *       the places where the scheduler could, and did get to, run another task before it continued;</li>
 *   <li>a failpoint is <em>reached</em> whenever the code passes it ({@code "failpoint " + name});</li>
 *   <li>a <em>switch</em> (from, to) is recorded at a step boundary where the scheduler ran a task B other than
 *       the task A of the previous step while A had not ended: A stood suspended at {@code from}, B resumed
 *       from {@code to}. A task's first step (from its spawn) is not a point, so it makes no switch.</li>
 * </ul>
 */
public final class CoverageRecorder {

    private final HashMap<String, Integer> ids = new HashMap<>(); // looked up only; order comes from the TreeMap in coverage()
    private final List<String> labels = new ArrayList<>();
    /** Failpoint name → id of its label {@code "failpoint " + name}: the label is joined once, not per pass. */
    private final HashMap<String, Integer> failpointIds = new HashMap<>(); // looked up only
    private long[] hits = new long[64];
    private int cap = 64;
    private BitSet switches = new BitSet(cap * cap);
    /** Per task id of the running execution: the id of the point it is suspended at, or -1. */
    private int[] taskPoint = new int[8];

    /** A new execution starts: task ids start again from 0. */
    public void beginExecution() {
        Arrays.fill(taskPoint, -1);
    }

    /** Task {@code task} ends its step suspended at {@code label}. */
    public void suspended(int task, String label) {
        int id = intern(label);
        hits[id]++;
        if (task >= taskPoint.length) {
            int old = taskPoint.length;
            taskPoint = Arrays.copyOf(taskPoint, Math.max(task + 1, old * 2));
            Arrays.fill(taskPoint, old, taskPoint.length, -1);
        }
        taskPoint[task] = id;
    }

    /** Code passed failpoint {@code name} (whatever it was configured to do). */
    public void failpoint(String label) {
        int id = intern(label); // before indexing: interning may grow (replace) the array
        hits[id]++;
    }

    /** Task {@code to} runs next, right after a step of task {@code from}, which has not ended. */
    public void switched(int from, int to) {
        if (from >= taskPoint.length || to >= taskPoint.length) return;
        int p = taskPoint[from], q = taskPoint[to];
        if (p >= 0 && q >= 0) switches.set(p * cap + q);
    }

    /**
     * Adds everything {@code other} recorded (another thread's share of the same exploration): hits are summed
     * and switches united, so the sum is the same whichever way an exploration's executions were split.
     */
    public void add(CoverageRecorder other) {
        int[] map = new int[other.labels.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = intern(other.labels.get(i));
            hits[map[i]] += other.hits[i];
        }
        for (int i = other.switches.nextSetBit(0); i >= 0; i = other.switches.nextSetBit(i + 1))
            switches.set(map[i / other.cap] * cap + map[i % other.cap]);
    }

    /** Code passed the failpoint called {@code name}: {@link #failpoint} of {@code "failpoint " + name}. */
    public void failpointNamed(String name) {
        Integer id = failpointIds.get(name);
        if (id == null) {
            id = intern("failpoint " + name);
            failpointIds.put(name, id);
        }
        hits[id]++;
    }

    private int intern(String label) {
        Integer id = ids.get(label);
        if (id != null) return id;
        int n = labels.size();
        if (n == cap) grow();
        labels.add(label);
        ids.put(label, n);
        return n;
    }

    private void grow() {
        int c = cap * 2;
        BitSet s = new BitSet(c * c);
        for (int i = switches.nextSetBit(0); i >= 0; i = switches.nextSetBit(i + 1)) s.set(i / cap * c + i % cap);
        switches = s;
        hits = Arrays.copyOf(hits, c);
        cap = c;
    }

    /** What was recorded so far, sorted by label. */
    public Coverage coverage() {
        TreeMap<String, Long> points = new TreeMap<>();
        for (int i = 0; i < labels.size(); i++) points.put(labels.get(i), hits[i]);
        TreeSet<Coverage.Switch> sw = new TreeSet<>();
        for (int i = switches.nextSetBit(0); i >= 0; i = switches.nextSetBit(i + 1))
            sw.add(new Coverage.Switch(labels.get(i / cap), labels.get(i % cap)));
        return new Coverage(points, sw);
    }
}
