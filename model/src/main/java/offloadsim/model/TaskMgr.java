package offloadsim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import offloadsim.sim.api.CancellationToken;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimLatch;
import offloadsim.sim.api.SimVar;

/**
 * task_mgr.rs for one tenant instance: the registered tasks (compaction iterations, remote upload tasks,
 * timeline deletion workers), each with its own shutdown token. {@link #shutdownTasks} cancels and joins
 * the tasks registered <em>when it scans</em>: a task spawned after the scan outlives it, as in the Rust.
 */
public final class TaskMgr {

    /** task_mgr::TaskKind, the kinds the model runs. */
    public enum Kind { COMPACTION, REMOTE_UPLOAD_TASK, TIMELINE_DELETION_WORKER }

    /** One registered task: its kind, the timeline it is for (or null), its shutdown token and its end. */
    public record Task(int id, Kind kind, String timelineId, CancellationToken cancel, SimLatch done) {}

    private final Sim sim;
    private final String tenant;
    /**
     * The task list, kept as two cells so that the scheduler sees exactly which of its changes commute: every
     * task ever registered, in registration order (an immutable copy per register), and the ids of those that
     * have ended. The live list is the first without the second, in registration order.
     * <ul>
     *   <li>A register writes {@code registered}: ids (and so the names of a task's token and latch) and the
     *       order {@code shutdown_tasks} joins in come from registration order, so two registers are ordered.</li>
     *   <li>A task's end adds its own id to {@code ended} ({@link SimVar#commute}, an update): two ends leave
     *       the same set in either order and neither looks at it, so they are independent; and an end touches
     *       nothing a register touches — appending an entry and taking another entry out leave the same live
     *       list in either order, and the register's id does not depend on what has ended — so a register and
     *       an end are independent too (with one cell they were ordered: a write and an update).</li>
     *   <li>A scan reads both, so it is ordered with every register and every end.</li>
     * </ul>
     */
    private final SimVar<List<Task>> registered;
    private final SimVar<Set<Integer>> ended;
    private int next;

    public TaskMgr(Sim sim, String tenant) {
        this.sim = sim;
        this.tenant = tenant;
        this.registered = sim.var("task_mgr TASKS " + tenant, List.of());
        this.ended = sim.var("task_mgr TASKS ended " + tenant, Set.of());
    }

    /** Registers a task that runs on the caller's own task (the compaction loop's iteration). */
    public synchronized Task register(Kind kind, String timelineId) {
        int id = ++next; // the number of registers so far: ordered by the write of registered below
        Task t = new Task(id, kind, timelineId, sim.cancellationToken(kind + " " + id + " " + tenant),
                sim.latch(kind + " " + id + " done " + tenant));
        registered.update(l -> {
            List<Task> n = new ArrayList<>(l);
            n.add(t);
            return List.copyOf(n);
        });
        return t;
    }

    /**
     * The task has ended (normally or by a panic): its joiners go on. It adds its own id to the ended set, a
     * change that commutes with every other task's end and with every register, and it does not look at the
     * result (see {@link #registered}); a scan still orders with it.
     */
    public void finished(Task t) {
        ended.commute(s -> {
            TreeSet<Integer> n = new TreeSet<>(s);
            n.add(t.id());
            return Collections.unmodifiableSet(n);
        });
        t.done().open();
    }

    // Rust: task_mgr.rs:416-457 spawn @49756a0d01; task_mgr.rs:416-457 @6149ac8834
    /** Registers the task, then spawns {@code body} with its shutdown token (task_mgr::shutdown_token()). */
    public Task spawn(Kind kind, String timelineId, String name, Consumer<CancellationToken> body) {
        Task t = register(kind, timelineId);
        sim.spawn(name, () -> {
            try {
                body.accept(t.cancel());
            } finally {
                finished(t);
            }
        });
        return t;
    }

    // Rust: task_mgr.rs:553-610 shutdown_tasks @49756a0d01; task_mgr.rs:553-610 @6149ac8834
    /**
     * Cancels every task registered now that matches ({@code kind} and {@code timelineId} null = any),
     * then joins them one by one. Tasks registered after this scan are neither cancelled nor awaited.
     */
    public void shutdownTasks(Kind kind, String timelineId, String label) {
        List<Task> victims = new ArrayList<>();
        for (Task t : live(registered.get(), ended.get())) {
            if ((kind == null || t.kind() == kind) && (timelineId == null || timelineId.equals(t.timelineId()))) {
                t.cancel().cancel();
                victims.add(t);
            }
        }
        for (Task t : victims) t.done().await(label);
    }

    /** Tasks registered right now, without recording an access (reports). */
    public List<Task> peek() {
        return live(registered.peek(), ended.peek());
    }

    /** The registered tasks that have not ended, in registration order. */
    private static List<Task> live(List<Task> registered, Set<Integer> ended) {
        List<Task> l = new ArrayList<>(registered.size());
        for (Task t : registered) if (!ended.contains(t.id())) l.add(t);
        return l;
    }
}
