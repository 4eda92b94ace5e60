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

    /** The scenario-file form, e.g. {@code unarchive: t1}. */
    String text();

    record Archive(String timeline) implements Op {
        public OpResult run(Pageserver ps, Sim sim) {
            return ps.archive(timeline);
        }

        public String text() {
            return "archive: " + timeline;
        }
    }

    record Unarchive(String timeline) implements Op {
        public OpResult run(Pageserver ps, Sim sim) {
            return ps.unarchive(timeline);
        }

        public String text() {
            return "unarchive: " + timeline;
        }
    }

    /** Unarchive, retried on error like a client would (up to {@code attempts} calls, 1 s apart). */
    record UnarchiveRetry(String timeline, int attempts) implements Op {
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
        public OpResult run(Pageserver ps, Sim sim) {
            return ps.branch(parent, child);
        }

        public String text() {
            return "branch: {from: " + parent + ", new: " + child + "}";
        }
    }

    record Delete(String timeline) implements Op {
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

        public String text() {
            return "sleep-ms: " + ms;
        }
    }

    /** The op names scenario files may use. */
    List<String> NAMES = List.of("archive", "unarchive", "unarchive-retry", "compaction", "branch", "delete", "shutdown",
            "restart", "endpoint-start", "await-paused", "release", "sleep-ms");
}
