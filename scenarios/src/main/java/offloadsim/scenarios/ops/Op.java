package offloadsim.scenarios.ops;

import java.util.List;
import offloadsim.model.OpResult;
import offloadsim.model.Pageserver;
import offloadsim.sim.api.Sim;

/**
 * One step of a scenario task: a user-visible pageserver call, or a coordination step (pause points).
 * Each op has a one-line text form, the same one scenario files use.
 */
public sealed interface Op {

    /** Runs the op inside a task; returns the pageserver's answer, or null for coordination steps. */
    OpResult run(Pageserver ps, Sim sim);

    /** Runs the op inside a task of a scripted run, which some coordination steps need (see {@link Script}). */
    default OpResult run(Pageserver ps, Sim sim, Script script) {
        return run(ps, sim);
    }

    /** Whether the op answers (a pageserver call or a state check), so that it can carry an expectation. */
    default boolean answers() {
        return true;
    }

    /** The timelines the op names (for shrinking programs: a timeline can go only with the ops that name it). */
    default List<String> timelines() {
        return List.of();
    }

    /** What a scripted run offers its ops: the latch that opens once a task's op has answered. */
    interface Script {
        offloadsim.sim.api.SimLatch answered(String task, int op);
    }

    /** The scenario-file form, e.g. {@code unarchive: t1}. */
    String text();

    record Archive(String timeline) implements Op {
        public List<String> timelines() {
            return List.of(timeline);
        }

        public OpResult run(Pageserver ps, Sim sim) {
            return ps.archive(timeline);
        }

        public String text() {
            return "archive: " + timeline;
        }
    }

    record Unarchive(String timeline) implements Op {
        public List<String> timelines() {
            return List.of(timeline);
        }

        public OpResult run(Pageserver ps, Sim sim) {
            return ps.unarchive(timeline);
        }

        public String text() {
            return "unarchive: " + timeline;
        }
    }

    /** Unarchive, retried on error like a client would (up to {@code attempts} calls, 1 s apart). */
    record UnarchiveRetry(String timeline, int attempts) implements Op {
        public List<String> timelines() {
            return List.of(timeline);
        }

        public OpResult run(Pageserver ps, Sim sim) {
            OpResult r = null;
            for (int i = 0; i < attempts; i++) {
                r = ps.unarchive(timeline);
                if (r.ok()) return r;
                sim.sleep(1_000_000_000L, "client/retry-unarchive");
            }
            return r;
        }

        public String text() {
            return "unarchive-retry: {timeline: " + timeline + ", attempts: " + attempts + "}";
        }
    }

    /** {@code iterations} iterations of the compaction loop, {@code periodMs} virtual ms apart. */
    record Compaction(int iterations, long periodMs) implements Op {
        public OpResult run(Pageserver ps, Sim sim) {
            OpResult r = null;
            for (int i = 0; i < iterations; i++) {
                if (i > 0) sim.sleep(periodMs * 1_000_000L, "compaction_loop/period");
                r = ps.compactionIteration();
            }
            return r;
        }

        public String text() {
            return iterations == 1 ? "compaction" : "compaction: {iterations: " + iterations + ", period-ms: " + periodMs + "}";
        }
    }

    record Branch(String parent, String child) implements Op {
        public List<String> timelines() {
            return List.of(parent, child);
        }

        public OpResult run(Pageserver ps, Sim sim) {
            return ps.branch(parent, child);
        }

        public String text() {
            return "branch: {from: " + parent + ", new: " + child + "}";
        }
    }

    record Delete(String timeline) implements Op {
        public List<String> timelines() {
            return List.of(timeline);
        }

        public OpResult run(Pageserver ps, Sim sim) {
            return ps.delete(timeline);
        }

        public String text() {
            return "delete: " + timeline;
        }
    }

    record ShutdownTenant() implements Op {
        public OpResult run(Pageserver ps, Sim sim) {
            return ps.shutdownTenant();
        }

        public String text() {
            return "shutdown";
        }
    }

    record Restart() implements Op {
        public OpResult run(Pageserver ps, Sim sim) {
            return ps.restart();
        }

        public String text() {
            return "restart";
        }
    }

    /** What an endpoint start does: get_timeline(t, active_only=true). */
    record EndpointStart(String timeline) implements Op {
        public List<String> timelines() {
            return List.of(timeline);
        }

        public OpResult run(Pageserver ps, Sim sim) {
            return ps.getTimeline(timeline, true);
        }

        public String text() {
            return "endpoint-start: " + timeline;
        }
    }

    /** Waits until some task is paused at the failpoint. */
    record AwaitPaused(String failpoint) implements Op {
        public OpResult run(Pageserver ps, Sim sim) {
            sim.failpoints().awaitPaused(failpoint, "scenario/await-paused " + failpoint);
            return null;
        }

        public boolean answers() {
            return false;
        }

        public String text() {
            return "await-paused: " + failpoint;
        }
    }

    /** Turns a paused failpoint off, letting the paused task go on. */
    record Release(String failpoint) implements Op {
        public OpResult run(Pageserver ps, Sim sim) {
            sim.failpoints().release(failpoint);
            return null;
        }

        public boolean answers() {
            return false;
        }

        public String text() {
            return "release: " + failpoint;
        }
    }

    /** Waits virtual time. */
    record Sleep(long ms) implements Op {
        public OpResult run(Pageserver ps, Sim sim) {
            sim.sleep(ms * 1_000_000L, "scenario/sleep");
            return null;
        }

        public boolean answers() {
            return false;
        }

        public String text() {
            return "sleep-ms: " + ms;
        }
    }

    /** POST timeline create without an ancestor: a new root timeline (bootstrap). */
    record Create(String timeline) implements Op {
        public List<String> timelines() {
            return List.of(timeline);
        }

        public OpResult run(Pageserver ps, Sim sim) {
            return ps.createRoot(timeline);
        }

        public String text() {
            return "create: " + timeline;
        }
    }

    /** The manual offload of the HTTP API (timeline_offload_handler). */
    record Offload(String timeline) implements Op {
        public List<String> timelines() {
            return List.of(timeline);
        }

        public OpResult run(Pageserver ps, Sim sim) {
            return ps.offload(timeline);
        }

        public String text() {
            return "offload: " + timeline;
        }
    }

    /** timeline_detail: get_timeline(t) without active_only (NotFound when offloaded or gone). */
    record GetTimeline(String timeline) implements Op {
        public List<String> timelines() {
            return List.of(timeline);
        }

        public OpResult run(Pageserver ps, Sim sim) {
            return ps.getTimeline(timeline, false);
        }

        public String text() {
            return "get-timeline: " + timeline;
        }
    }

    /** Tenant detach (remove_tenant_from_memory with ShutdownMode::Hard): the slot is empty afterwards. */
    record Detach() implements Op {
        public OpResult run(Pageserver ps, Sim sim) {
            return ps.detach();
        }

        public String text() {
            return "detach";
        }
    }

    /** Attach of the next generation from remote state into an empty slot. */
    record Attach() implements Op {
        public OpResult run(Pageserver ps, Sim sim) {
            return ps.attach();
        }

        public String text() {
            return "attach";
        }
    }

    /**
     * A test's assertion on what the API shows at this point of the script (timeline listing and detail,
     * tenant status): answers Ok if the state fits, else an error naming what differs. It always carries
     * the expectation Ok.
     */
    record ExpectState(offloadsim.scenarios.expect.StateExpectation expected) implements Op {
        public List<String> timelines() {
            return List.copyOf(expected.timelines().keySet());
        }

        public OpResult run(Pageserver ps, Sim sim) {
            List<String> diff = expected.differences(ps::observeTenant, ps::observe, ps::attachPreview);
            return diff.isEmpty() ? OpResult.ok("expect-state", null) : OpResult.err("expect-state", null, String.join("; ", diff));
        }

        public String text() {
            return "expect-state: " + expected.flow();
        }
    }

    /**
     * Polls the state until it fits, like the tests' wait_until (every 0.5 s, for at most 20 s of virtual
     * time): Ok once it fits, else Err(Timeout: what still differs). It always carries the expectation Ok.
     */
    record WaitUntil(offloadsim.scenarios.expect.StateExpectation expected) implements Op {
        static final long INTERVAL_NANOS = 500_000_000L;
        static final long TIMEOUT_NANOS = 20_000_000_000L;

        public List<String> timelines() {
            return List.copyOf(expected.timelines().keySet());
        }

        public OpResult run(Pageserver ps, Sim sim) {
            long deadline = sim.nowNanos() + TIMEOUT_NANOS;
            while (true) {
                List<String> diff = expected.differences(ps::observeTenant, ps::observe, ps::attachPreview);
                if (diff.isEmpty()) return OpResult.ok("wait-until", null);
                if (sim.nowNanos() >= deadline) return OpResult.err("wait-until", null, "Timeout: " + String.join("; ", diff));
                sim.sleep(INTERVAL_NANOS, "scenario/wait-until");
            }
        }

        public String text() {
            return "wait-until: " + expected.flow();
        }
    }

    /** Waits until another task's op (0-based index in its ops) has answered: a test waiting for a log line. */
    record AwaitOp(String task, int op) implements Op {
        public OpResult run(Pageserver ps, Sim sim) {
            throw new IllegalStateException("await-op runs only in a scripted scenario run");
        }

        @Override
        public OpResult run(Pageserver ps, Sim sim, Script script) {
            script.answered(task, op).await("scenario/await-op " + task + " " + op);
            return null;
        }

        public boolean answers() {
            return false;
        }

        public String text() {
            return "await-op: {task: " + task + ", op: " + op + "}";
        }
    }

    /** The op names scenario files may use. */
    List<String> NAMES = List.of("archive", "unarchive", "unarchive-retry", "compaction", "branch", "create", "delete", "offload",
            "get-timeline", "shutdown", "restart", "detach", "attach", "endpoint-start", "expect-state", "wait-until", "await-paused", "await-op",
            "release", "sleep-ms");
}
