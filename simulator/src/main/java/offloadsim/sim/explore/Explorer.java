package offloadsim.sim.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
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

        public Budget withMaxExecutions(long max) {
            return new Budget(firstSeed, max, stopAtFirst, keepPerOracle, stopOracle, classOf, recheckRatio);
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
        return explore(program, strategy, budget, options, progress, new Distinct());
    }

    /**
     * {@link #explore}, gathering what it saw into {@code seen} (to count distinct traces and final states over
     * the parts of a split search as sets, not as sums).
     */
    public static Exploration explore(Program program, Strategy strategy, Budget budget, RunOptions options, Progress progress, Distinct seen) {
        long start = System.nanoTime(); // determinism-ok: wall time is reported, never fed to a run
        Tally tally = new Tally(program, budget, options, progress, seen);
        while (tally.executions < budget.maxExecutions()) {
            long seed = budget.firstSeed() + tally.executions;
            if (!strategy.beginExecution(seed)) break;
            if (tally.add(seed, DetSim.run(program, strategy, seed, options, tally.coverage))) break;
        }
        return tally.done(strategy, System.nanoTime() - start); // determinism-ok: reporting only
    }

    /** Seeds handed to a worker at a time: large enough to amortise the hand-over, small enough to balance. */
    static final int CHUNK = 64;

    /**
     * {@link #explore} with the executions run on {@code jobs} threads, for a strategy whose executions do
     * not depend on one another ({@link Strategy#independentExecutions}). Each chunk of consecutive seeds
     * runs on a fresh instance from {@code strategies} with its own coverage recorder; the results are tallied
     * on the calling thread in seed order, each chunk's coverage added once all of its runs are counted, and a
     * stop (first failure) drops whatever ran beyond it. So the exploration is the one {@link #explore} gives,
     * field for field (coverage included), but for the wall time: only the speed depends on {@code jobs}.
     */
    public static Exploration explore(Program program, Supplier<Strategy> strategies, int jobs, Budget budget, RunOptions options, Progress progress) {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        Strategy first = strategies.get();
        if (!first.independentExecutions())
            throw new IllegalArgumentException(first.name() + " carries what it learnt from one execution into the next: its executions cannot be split over threads");
        if (jobs == 1) return explore(program, first, budget, options, progress);
        long start = System.nanoTime(); // determinism-ok: wall time is reported, never fed to a run
        Tally tally = new Tally(program, budget, options, progress, new Distinct());
        // whole executions run on these threads, each on its own scheduler; results are tallied in seed order
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> { // determinism-ok: see above
            Thread t = new Thread(r, "explore-worker"); // determinism-ok: see above
            t.setDaemon(true); // an abandoned chunk never keeps the JVM alive
            return t;
        });
        ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
        long planned = budget.maxExecutions();
        long submitted = 0;
        try {
            boolean stop = false;
            while (!stop) {
                // keep a bounded window of chunks ahead of the tally: every worker busy, memory bounded
                while (inFlight.size() < 2 * jobs && submitted < planned) {
                    long from = budget.firstSeed() + submitted;
                    int n = (int) Math.min(CHUNK, planned - submitted);
                    inFlight.add(pool.submit(() -> runChunk(program, strategies.get(), from, n, options)));
                    submitted += n;
                }
                Future<Chunk> next = inFlight.poll();
                if (next == null) break;
                Chunk chunk = next.get();
                long from = budget.firstSeed() + tally.executions;
                int counted = 0;
                for (RunResult r : chunk.runs()) {
                    if (r == null) { // the strategy had nothing more to run: the recorder saw exactly the runs before
                        stop = true;
                        break;
                    }
                    counted++;
                    if (tally.add(from + counted - 1, r)) {
                        stop = true;
                        break;
                    }
                }
                if (counted == chunk.runs().size() || (counted < chunk.runs().size() && chunk.runs().get(counted) == null)) {
                    tally.coverage.add(chunk.coverage());
                } else {
                    // the budget stopped inside the chunk: its recorder also saw runs beyond the stop, which a
                    // single thread never runs; run the counted prefix again (the same executions) for its coverage
                    tally.coverage.add(runChunk(program, strategies.get(), from, counted, options).coverage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            for (Future<?> f : inFlight) f.cancel(true);
            pool.shutdownNow();
        }
        return tally.done(first, System.nanoTime() - start); // determinism-ok: reporting only
    }

    /** The runs of a chunk of consecutive seeds, and what they covered. */
    private record Chunk(List<RunResult> runs, CoverageRecorder coverage) {}

    /** Runs seeds {@code from .. from+n-1}; a null entry ends the list where the strategy had nothing to run. */
    private static Chunk runChunk(Program program, Strategy strategy, long from, int n, RunOptions options) {
        List<RunResult> out = new ArrayList<>(n);
        CoverageRecorder coverage = new CoverageRecorder();
        for (long seed = from; seed < from + n; seed++) {
            if (Thread.currentThread().isInterrupted()) break; // the tally stopped: nobody will read the rest
            if (!strategy.beginExecution(seed)) {
                out.add(null);
                break;
            }
            out.add(DetSim.run(program, strategy, seed, options, coverage));
        }
        return new Chunk(out, coverage);
    }

    /**
     * The distinct step sequences, Mazurkiewicz traces and final states runs reached. Only their number is
     * reported; they are sets (never iterated) so that the parts of a split search can be counted together.
     */
    public static final class Distinct {
        private final Set<Long> interleavings = new HashSet<>(); // counted, never iterated
        private final Set<String> finalStates = new HashSet<>(); // counted, never iterated
        private final Set<Long> traces = new HashSet<>(); // counted, never iterated

        void add(RunResult r) {
            interleavings.add(r.trace().interleavingHash());
            traces.add(r.trace().mazurkiewiczHash());
            finalStates.add(r.finalState());
        }

        /** Adds everything {@code other} saw (a set union: the order parts are added in does not matter). */
        public void addAll(Distinct other) {
            interleavings.addAll(other.interleavings);
            finalStates.addAll(other.finalStates);
            traces.addAll(other.traces);
        }

        public int interleavings() {
            return interleavings.size();
        }

        public int finalStates() {
            return finalStates.size();
        }

        public int traces() {
            return traces.size();
        }
    }

    /** What an exploration has found so far, fed one execution at a time in seed order. */
    private static final class Tally {
        final Program program;
        final Budget budget;
        final RunOptions options;
        final Progress progress;
        long executions;
        long steps;
        long firstFailureAt = -1;
        final Distinct seen;
        long pruned;
        final Map<String, Integer> failuresByOracle = new LinkedHashMap<>();
        final Map<String, Exploration.FailureClass> classes = new LinkedHashMap<>();
        final List<Exploration.Found> kept = new ArrayList<>();
        int failures;
        long rechecked;
        final CoverageRecorder coverage = new CoverageRecorder();

        Tally(Program program, Budget budget, RunOptions options, Progress progress, Distinct seen) {
            this.program = program;
            this.seen = seen;
            this.budget = budget;
            this.options = options;
            this.progress = progress;
        }

        /** Counts the execution of {@code seed}; true when the budget says to stop here. */
        boolean add(long seed, RunResult r) {
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
                seen.add(r);
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
            return budget.stopsAt(r.outcome());
        }

        Exploration done(Strategy strategy, long elapsedNanos) {
            progress.update(executions, budget.maxExecutions(), failures);
            return new Exploration(strategy.name(), strategy.describe(), executions, strategy.exhausted(), steps,
                    seen.interleavings(), seen.finalStates(), seen.traces(), pruned, failures, firstFailureAt, failuresByOracle, kept, elapsedNanos,
                    List.copyOf(classes.values()), rechecked, coverage.coverage());
        }
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
