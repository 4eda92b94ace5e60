package offloadsim.scenarios.audit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Predicate;
import offloadsim.model.Variant;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.file.ScenarioFile;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.Pct;
import offloadsim.sim.strategy.RandomWalk;
import offloadsim.sim.strategy.Strategy;
import org.junit.jupiter.api.Test;

/**
 * Rows of the fidelity audit (shared/reference/fidelity-audit.md) that the model now follows, each shown by
 * a run the old model could not produce (or could not avoid). Every test searches random schedules for a
 * witness and names the seed, so a failure can be replayed with the CLI.
 */
class FidelityAuditTest {

    static final int SEEDS = 3000;

    /** The first run (random walk, then PCT with bug depth 3, seeds 1..SEEDS each) the witness accepts. */
    private static RunResult find(StaticScenario s, Variant v, Predicate<RunResult> witness) {
        for (Strategy strategy : List.of(new RandomWalk(), new Pct(3))) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                RunResult r = Explorer.runSeed(s.program(v), strategy, seed, s.runOptions());
                if (witness.test(r)) return r;
            }
        }
        return null;
    }

    private static StaticScenario catalog(String name) {
        return (StaticScenario) ScenarioCatalog.byName(name);
    }

    private static StaticScenario parse(String yaml) {
        try {
            return ScenarioFile.parse("test", yaml);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> lines(RunResult r) {
        return r.trace().text().lines().toList();
    }

    /** Index of the first line at or after {@code from} containing {@code needle}, or -1. */
    private static int indexOf(List<String> lines, String needle, int from) {
        for (int i = Math.max(0, from); i < lines.size(); i++) if (lines.get(i).contains(needle)) return i;
        return -1;
    }

    /** #6: an unarchived child whose ancestor sits between the maps is a panic that names the debug build. */
    @Test
    void row6_ancestorInNeitherMapPanicsNamingTheDebugBuild() {
        RunResult r = find(catalog("unoffload-child-during-parent-offload"), Variant.FIX_10305,
                x -> x.outcome().isFailure() && x.outcome().summary().contains("ancestor timeline p not found (debug build"));
        assertTrue(r != null, "no schedule of unoffload-child-during-parent-offload reaches the debug-build panic in " + SEEDS + " seeds");
    }

    /**
     * #8: compact returns Ok(false) when the timeline is cancelled while it waits for compaction_lock, so the
     * iteration still attempts the offload. Here the cancellation comes from a deletion whose background holds
     * the lock: the offload then meets the deletion guard, AlreadyInProgress, surfacing as Offload(Other). The
     * old model always answered ShuttingDown once the timeline was cancelled before compaction took the lock.
     */
    @Test
    void row8_cancelledCompactionStillAttemptsTheOffload() {
        RunResult r = find(catalog("delete-during-offload"), Variant.FIX_10305, x -> {
            List<String> l = lines(x);
            int cancelled = indexOf(l, "cancel: timeline t1", 0);
            if (cancelled < 0) return false;
            int compactionLock = indexOf(l, "[compaction] lock: compaction_lock t1", 0);
            boolean cancelledBeforeLock = compactionLock < 0 || compactionLock > cancelled;
            return cancelledBeforeLock && indexOf(l, "op: compaction -> Err(Offload(Other(AlreadyInProgress)))", cancelled) >= 0;
        });
        assertTrue(r != null, "no schedule where t1 is cancelled before compaction's lock and the offload is still attempted");
    }

    /**
     * #9: between pre-10305's is_archived() (L_Q) and the queue shutdown (L_Q) another thread can run: an
     * unarchive scheduled there is drained by the shutdown and trips from_timeline's
     * "must be called on an archived timeline".
     */
    @Test
    void row9_unarchiveBetweenIsArchivedAndQueueShutdownOnPre() {
        RunResult r = find(catalog("unarchive-during-compaction"), Variant.PRE_10305, x -> {
            if (!x.outcome().summary().contains("must be called on an archived timeline")) return false;
            // a step line names the point a task resumes from: compaction ran is_archived in the step that
            // resumed at "is_archived" and was preempted at the new point, where it resumes after the unarchive
            List<String> l = lines(x);
            int isArchived = indexOf(l, "[compaction] @offload_timeline/is_archived", 0);
            int pb = indexOf(l, "[compaction] @Timeline::shutdown/before remote_client.shutdown", isArchived);
            int unarchived = indexOf(l, "[user] queue: t1 dirty.archived_at=None", isArchived);
            return isArchived >= 0 && unarchived > isArchived && pb > unarchived;
        });
        assertTrue(r != null, "no pre-10305 schedule schedules the unarchive between is_archived and the queue shutdown");
    }

    /**
     * #10: part 1's checks, the tenant-state read and the create guard are separate critical sections, so two
     * unarchives of one offloaded timeline can both pass part 1 and the second finds it loaded: Rust's
     * Other("Timeline already exists").
     */
    @Test
    void row10_twoUnarchivesOfAnOffloadedTimelineCanMeetTimelineAlreadyExists() {
        StaticScenario s = parse("""
                name: two-unarchives
                world:
                  timelines:
                    - {id: main}
                    - {id: t1, ancestor: main, archived: true, offloaded: true}
                tasks:
                  - name: a
                    ops: [{unarchive: t1}]
                  - name: b
                    ops: [{unarchive: t1}]
                """);
        RunResult r = find(s, Variant.FIX_10305, x -> x.trace().text().contains("-> Err(Other(Timeline already exists))"));
        assertTrue(r != null, "no schedule answers Other(Timeline already exists)");
    }

    /**
     * #15: the deletion's local-directory removal takes compaction_lock (then gc_lock), so it never runs while
     * a compaction of the same timeline holds the lock.
     */
    @Test
    void row15_deletionRemovesTheDirectoryOnlyOutsideCompaction() {
        StaticScenario s = catalog("delete-during-offload");
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunResult r = Explorer.runSeed(s.program(Variant.PRE_10305), new RandomWalk(), seed, s.runOptions());
            List<String> l = lines(r);
            boolean held = false;
            for (String line : l) {
                if (line.contains("[compaction] lock: compaction_lock t1")) held = true;
                if (line.contains("[compaction] unlock: compaction_lock t1")) held = false;
                if (held && line.contains("[delete t1] @delete_local_timeline_directory"))
                    fail("seed " + seed + ": the deletion removes t1's directory while compaction holds its compaction_lock");
            }
        }
    }
}
