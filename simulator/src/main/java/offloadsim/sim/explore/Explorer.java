package offloadsim.sim.explore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import offloadsim.sim.coverage.CoverageRecorder;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.strategy.Replay;
import offloadsim.sim.strategy.Strategy;
import offloadsim.sim.trace.Schedule;
import offloadsim.sim.trace.Trace;

/** Runs a program many times under one strategy and gathers what was found. */
public final class Explorer {

    /** Receives progress while exploring (e.g. to draw a progress bar). */
    @FunctionalInterface
    public interface Progress {
        void update(long executionsDone, long executionsPlanned, int violations);

        Progress NONE = (d, p, v) -> {};
    }

    /**
     * How much to explore.
     *
     * @param firstSeed     seed of the first execution; execution i uses {@code firstSeed + i}
     * @param maxExecutions at most this many executions
     * @param stopAtFirst   stop at the first failing execution (of {@code stopOracle}, when given)
     * @param keepPerOracle how many failing runs to keep per class (the rest are only counted)
     * @param stopOracle    with stopAtFirst: stop only at a failure of this oracle, or null for any
     * @param classOf       the class a failing outcome is counted and kept under (default: its oracle)
     * @param recheckRatio  share of executions replayed from their schedule to check that the trace hash is
     *                      the same (0 = none, 1 = all); the sample is a fixed function of the seed
     */
    public record Budget(long firstSeed, long maxExecutions, boolean stopAtFirst, int keepPerOracle, String stopOracle,
                         Function<Outcome, String> classOf, double recheckRatio) {
        public Budget {
            if (maxExecutions < 0) throw new IllegalArgumentException("execution budget must not be negative: " + maxExecutions);
            if (keepPerOracle < 1) throw new IllegalArgumentException("keepPerOracle must be at least 1");
            if (!(recheckRatio >= 0 && recheckRatio <= 1)) throw new IllegalArgumentException("recheck ratio must be in [0, 1], got " + recheckRatio);
            if (classOf == null) classOf = Outcome::oracle;
        }

        public Budget(long firstSeed, long maxExecutions, boolean stopAtFirst, int keepPerOracle, String stopOracle) {
            this(firstSeed, maxExecutions, stopAtFirst, keepPerOracle, stopOracle, null, 0);
        }

        public Budget(long firstSeed, long maxExecutions, boolean stopAtFirst, int keepPerOracle) {
            this(firstSeed, maxExecutions, stopAtFirst, keepPerOracle, null);
        }

        public Budget withClasses(Function<Outcome, String> classOf) {
            return new Budget(firstSeed, maxExecutions, stopAtFirst, keepPerOracle, stopOracle, classOf, recheckRatio);
        }

        public Budget withRecheck(double ratio) {
            return new Budget(firstSeed, maxExecutions, stopAtFirst, keepPerOracle, stopOracle, classOf, ratio);
        }

        boolean stopsAt(Outcome o) {
            return stopAtFirst && o.isFailure() && (stopOracle == null || stopOracle.equals(o.oracle()));
        }

        /** Whether the execution of {@code seed} is in the recheck sample: a fixed hash of the seed, so shards agree. */
        boolean rechecks(long seed) {
            if (recheckRatio <= 0) return false;
            long h = seed * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 32;
            return Long.remainderUnsigned(h, 1_000_000) < (long) (recheckRatio * 1_000_000);
        }

        public static Budget seeds(long first, long count) {
            return new Budget(first, count, false, 1);
        }
    }

    private Explorer() {}

    public static Exploration explore(Program program, Strategy strategy, Budget budget, RunOptions options, Progress progress) {
        long start = System.nanoTime(); // determinism-ok: wall time is reported, never fed to a run
        long executions = 0;
        long steps = 0;
        long firstFailureAt = -1;
        Set<Long> interleavings = new HashSet<>(); // counted, never iterated
        Set<String> finalStates = new HashSet<>(); // counted, never iterated
        Set<Long> traces = new HashSet<>(); // counted, never iterated
        long pruned = 0;
        Map<String, Integer> failuresByOracle = new LinkedHashMap<>();
        Map<String, Exploration.FailureClass> classes = new LinkedHashMap<>();
        List<Exploration.Found> kept = new ArrayList<>();
        int failures = 0;
        long rechecked = 0;
        CoverageRecorder coverage = new CoverageRecorder();
        while (executions < budget.maxExecutions()) {
            long seed = budget.firstSeed() + executions;
            if (!strategy.beginExecution(seed)) break;
            RunResult r = DetSim.run(program, strategy, seed, options, coverage);
            executions++;
            steps += r.steps();
            // a pruned (sleep-blocked) run stops where the reduction abandoned it and its replay runs on, so the
            // hashes differ by construction: only runs that ran to their end are rechecked
            if (budget.rechecks(seed) && r.outcome().kind() != Outcome.Kind.PRUNED) {
                recheck(program, options, seed, r);
                rechecked++;
            }
            if (r.outcome().kind() == Outcome.Kind.PRUNED) {
                pruned++;
            } else {
                interleavings.add(r.trace().interleavingHash());
                traces.add(r.trace().mazurkiewiczHash());
                finalStates.add(r.finalState());
            }
            if (r.outcome().isFailure()) {
                failures++;
                if (firstFailureAt < 0) firstFailureAt = executions;
                failuresByOracle.merge(r.outcome().oracle(), 1, Integer::sum);
                String key = budget.classOf().apply(r.outcome());
                Exploration.FailureClass c = classes.get(key);
                c = c == null ? new Exploration.FailureClass(key, 1, seed) : new Exploration.FailureClass(key, c.count() + 1, c.firstSeed());
                classes.put(key, c);
                if (c.count() <= budget.keepPerOracle()) kept.add(new Exploration.Found(seed, executions, r));
            }
            if ((executions & 63) == 0 || r.outcome().isFailure()) progress.update(executions, budget.maxExecutions(), failures);
            if (budget.stopsAt(r.outcome())) break;
        }
        progress.update(executions, budget.maxExecutions(), failures);
        long elapsed = System.nanoTime() - start; // determinism-ok: reporting only
        return new Exploration(strategy.name(), strategy.describe(), executions, strategy.exhausted(), steps,
                interleavings.size(), finalStates.size(), traces.size(), pruned, failures, firstFailureAt, failuresByOracle, kept, elapsed,
                List.copyOf(classes.values()), rechecked, coverage.coverage());
    }

    /**
     * The runtime's determinism self-check (FoundationDB re-runs a share of its simulations): the run is
     * replayed from its own schedule and must give the same trace hash; if not, it is replayed once more at
     * full detail and both traces are thrown.
     */
    static void recheck(Program program, RunOptions options, long seed, RunResult original) {
        RunResult again = replay(program, original.schedule(), options);
        if (again.trace().hash().equals(original.trace().hash())) return;
        RunResult third = replay(program, original.schedule(), options);
        throw new NondeterminismException(seed, original, again, third);
    }

    /** Replays a schedule once, keeping the full trace. */
    public static RunResult replay(Program program, Schedule schedule, RunOptions options) {
        Replay replay = new Replay(schedule);
        replay.beginExecution(schedule.seed());
        return DetSim.run(program, replay, schedule.seed(), options.withTrace(Trace.Level.FULL));
    }

    /** Runs one execution of {@code strategy} with {@code seed}, keeping the full trace. */
    public static RunResult runSeed(Program program, Strategy strategy, long seed, RunOptions options) {
        if (!strategy.beginExecution(seed)) throw new IllegalStateException(strategy.name() + " has nothing to run");
        return DetSim.run(program, strategy, seed, options.withTrace(Trace.Level.FULL));
    }
}
