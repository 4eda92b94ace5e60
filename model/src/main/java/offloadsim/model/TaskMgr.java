package offloadsim.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
    /** The task list (an immutable copy per change), so the scheduler sees every register, end and scan. */
    private final SimVar<List<Task>> tasks;
    private int next;

    public TaskMgr(Sim sim, String tenant) {
        this.sim = sim;
        this.tenant = tenant;
        this.tasks = sim.var("task_mgr TASKS " + tenant, List.of());
    }

    /** Registers a task that runs on the caller's own task (the compaction loop's iteration). */
    public synchronized Task register(Kind kind, String timelineId) {
        int id = ++next;
        Task t = new Task(id, kind, timelineId, sim.cancellationToken(kind + " " + id + " " + tenant),
                sim.latch(kind + " " + id + " done " + tenant));
        tasks.update(l -> {
            List<Task> n = new ArrayList<>(l);
            n.add(t);
            return List.copyOf(n);
        });
        return t;
    }

    /**
     * The task has ended (normally or by a panic): its joiners go on. Taking one's own entry out of the list
     * commutes with every other task's doing the same (the list that remains is the same in either order) and
     * the ending task does not look at the result, so two tasks ending are independent; a scan or a register
     * still orders with it.
     */
    public void finished(Task t) {
        tasks.commute(l -> {
            List<Task> n = new ArrayList<>(l.size());
            for (Task x : l) if (x.id() != t.id()) n.add(x);
            return Collections.unmodifiableList(n); // as Stream.toList: unmodifiable, in order
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
        for (Task t : tasks.get()) {
            if ((kind == null || t.kind() == kind) && (timelineId == null || timelineId.equals(t.timelineId()))) {
                t.cancel().cancel();
                victims.add(t);
            }
        }
        for (Task t : victims) t.done().await(label);
    }

    /** Tasks registered right now, without recording an access (reports). */
    public List<Task> peek() {
        return tasks.peek();
    }
}
