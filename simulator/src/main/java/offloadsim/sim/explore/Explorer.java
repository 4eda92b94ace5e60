package offloadsim.sim.explore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
     * @param keepPerOracle how many failing runs to keep per oracle (the rest are only counted)
     * @param stopOracle    with stopAtFirst: stop only at a failure of this oracle, or null for any
     */
    public record Budget(long firstSeed, long maxExecutions, boolean stopAtFirst, int keepPerOracle, String stopOracle) {
        public Budget {
            if (maxExecutions < 0) throw new IllegalArgumentException("execution budget must not be negative: " + maxExecutions);
            if (keepPerOracle < 1) throw new IllegalArgumentException("keepPerOracle must be at least 1");
        }

        public Budget(long firstSeed, long maxExecutions, boolean stopAtFirst, int keepPerOracle) {
            this(firstSeed, maxExecutions, stopAtFirst, keepPerOracle, null);
        }

        boolean stopsAt(Outcome o) {
            return stopAtFirst && o.isFailure() && (stopOracle == null || stopOracle.equals(o.oracle()));
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
        List<Exploration.Found> kept = new ArrayList<>();
        int failures = 0;
        while (executions < budget.maxExecutions()) {
            long seed = budget.firstSeed() + executions;
            if (!strategy.beginExecution(seed)) break;
            RunResult r = DetSim.run(program, strategy, seed, options);
            executions++;
            steps += r.steps();
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
                int n = failuresByOracle.merge(r.outcome().oracle(), 1, Integer::sum);
                if (n <= budget.keepPerOracle()) kept.add(new Exploration.Found(seed, executions, r));
            }
            if ((executions & 63) == 0 || r.outcome().isFailure()) progress.update(executions, budget.maxExecutions(), failures);
            if (budget.stopsAt(r.outcome())) break;
        }
        progress.update(executions, budget.maxExecutions(), failures);
        long elapsed = System.nanoTime() - start; // determinism-ok: reporting only
        return new Exploration(strategy.name(), strategy.describe(), executions, strategy.exhausted(), steps,
                interleavings.size(), finalStates.size(), traces.size(), pruned, failures, firstFailureAt, failuresByOracle, kept, elapsed);
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
