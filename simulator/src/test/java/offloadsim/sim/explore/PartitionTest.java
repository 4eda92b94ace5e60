package offloadsim.sim.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.strategy.Dpor;
import offloadsim.sim.strategy.Exhaustive;
import offloadsim.sim.strategy.Parts;
import offloadsim.sim.strategy.Strategy;
import offloadsim.sim.toy.RandomPrograms;
import org.junit.jupiter.api.Test;

/**
 * A split search's parts are disjoint and together cover the whole tree: the unreduced search's parts
 * run exactly the executions of the whole search between them, each beginning with its own prefix; and
 * dpor's parts reach together every final state, outcome and trace of the whole search.
 */
class PartitionTest {

    record Seen(Set<String> ends, Set<Long> traces, Set<String> runs, long executions, boolean complete, long failures) {}

    static final long CAP = 2_000;

    /** The search's figures, or null once it passes {@link #CAP} executions. */
    static Seen run(Program p, Strategy s) {
        Set<String> ends = new HashSet<>();
        Set<Long> traces = new HashSet<>();
        Set<String> runs = new HashSet<>();
        long n = 0, failures = 0;
        while (s.beginExecution(n)) {
            RunResult r = DetSim.run(p, s, n++, RunOptions.defaults());
            if (n > CAP) return null;
            if (r.outcome().kind() == Outcome.Kind.PRUNED) continue;
            if (r.outcome().isFailure()) failures++;
            runs.add(r.schedule().encode().replaceFirst("^v1:[0-9a-f]+:", ""));
            traces.add(r.trace().mazurkiewiczHash());
            ends.add(r.finalState() + " " + r.outcome().kind() + " " + r.outcome().oracle());
        }
        return new Seen(ends, traces, runs, n, s.exhausted(), failures);
    }

    static Program program(long seed) {
        return RandomPrograms.generate(seed, 2 + (int) (seed % 2), seed % 2 == 0 ? 3 : 2, new HashSet<>(), RandomPrograms.Watch.SUM_THROUGH_RUNTIME);
    }

    @Test
    void theUnreducedSearchSplitsIntoDisjointPartsThatAddUpToTheWhole() {
        for (long seed = 1; seed <= 20; seed++) {
            Seen whole = run(program(seed), new Exhaustive(-1));
            if (whole == null) continue;
            for (int n : new int[] {2, 5}) {
                Partition.Prefixes pre = Partition.prefixes(program(seed), RunOptions.defaults(), n);
                Set<String> runs = new HashSet<>();
                long executions = 0;
                for (int i = 0; i < n; i++) {
                    List<Partition.Prefix> mine = pre.part(i, n);
                    Seen part = run(program(seed), new Parts<>(mine, pf -> new Exhaustive(-1, Exhaustive.Reduction.NONE, pf.decisions(), 0), new Exhaustive(-1), "shard " + i + "/" + n));
                    assertTrue(part.complete(), "part " + i + "/" + n + " of program " + seed);
                    for (String r : part.runs()) assertTrue(runs.add(r), "run " + r + " in two parts, program " + seed);
                    executions += part.runs().size();
                }
                assertEquals(whole.runs(), runs, "the parts' runs are the whole search's, program " + seed + ", " + n + " parts");
                assertEquals(whole.runs().size(), executions);
            }
        }
    }

    @Test
    void dporPartsTogetherReachEverythingTheWholeSearchReaches() {
        int split = 0;
        for (long seed = 1; seed <= 60; seed++) {
            Seen whole = run(program(seed), new Exhaustive(-1));
            if (whole == null) continue;
            Partition.Prefixes pre = Partition.prefixes(program(seed), RunOptions.defaults(), 3);
            if (pre.prefixes().size() > 1) split++;
            Set<String> ends = new HashSet<>();
            Set<Long> traces = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                Seen part = run(program(seed), new Parts<>(pre.part(i, 3), pf -> new Dpor(-1, pf.decisions()), new Dpor(-1), "shard " + i + "/3"));
                assertTrue(part.complete(), "dpor part " + i + "/3 of program " + seed);
                ends.addAll(part.ends());
                traces.addAll(part.traces());
            }
            assertEquals(whole.ends(), ends, "final states and outcomes, program " + seed);
            assertEquals(whole.traces(), traces, "Mazurkiewicz traces, program " + seed);
        }
        assertTrue(split >= 20, "too few programs actually split: " + split);
    }

    /**
     * With sleep sets across prefixes each trace is explored in exactly one part (on every mix of primitives:
     * all of them, timers, and the operations whose footprint depends on the state they find): the parts' traces are
     * disjoint and add up to the whole search's, with every final state and outcome; prefixes that could only
     * repeat an earlier prefix's traces are dropped, and the rest start with the sleepers they carry.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(RandomPrograms.Mix.class)
    void dporPartsWithSleepSetsExploreEveryTraceInExactlyOnePart(RandomPrograms.Mix mix) {
        int withSleepers = 0, dropped = 0, programs = 0, failureFree = 0;
        for (long seed = 1; seed <= 120; seed++) {
            Program p = RandomPrograms.generate(seed, 2 + (int) (seed % 2), seed % 2 == 0 ? 3 : 2, new HashSet<>(), RandomPrograms.Watch.NONE, mix);
            Seen whole = run(p, new Exhaustive(-1));
            if (whole == null) continue;
            programs++;
            if (whole.failures() == 0) failureFree++;
            for (int n : new int[] {2, 5}) {
                // as many prefixes as without sleep sets, so that the trees are cut and sleepers carried
                Partition.Prefixes pre = Partition.prefixes(p, RunOptions.defaults(), n, true, Partition.PER_PART);
                Partition.Prefixes all = Partition.prefixes(p, RunOptions.defaults(), n, false);
                if (pre.depth() == all.depth() && pre.prefixes().size() < all.prefixes().size()) dropped++;
                if (pre.prefixes().stream().anyMatch(x -> !x.asleep().isEmpty())) withSleepers++;
                Set<String> ends = new HashSet<>();
                Set<Long> traces = new HashSet<>();
                for (int i = 0; i < n; i++) {
                    Seen part = run(p, new Parts<>(pre.part(i, n), pf -> new Dpor(-1, pf.decisions(), pf.asleep()), new Dpor(-1), "shard " + i + "/" + n));
                    assertTrue(part.complete(), "dpor part " + i + "/" + n + " of program " + seed);
                    ends.addAll(part.ends());
                    // a failing run stops the sleep-set argument (no sleeper comes from a subtree that failed)
                    for (long t : part.traces()) assertTrue(traces.add(t) || whole.failures() > 0, "trace " + t + " in two parts, program " + seed + ", " + n + " parts");
                }
                assertEquals(whole.ends(), ends, "final states and outcomes, program " + seed + ", " + n + " parts");
                assertEquals(whole.traces(), traces, "Mazurkiewicz traces, program " + seed + ", " + n + " parts");
            }
        }
        assertTrue(programs >= 100 && failureFree >= 60, "too few programs within the cap: " + programs + ", failure-free " + failureFree);
        assertTrue(withSleepers >= 5, "too few splits start a part with sleepers: " + withSleepers);
        assertTrue(dropped >= 50, "too few splits drop a prefix: " + dropped);
    }

    /** A per-step oracle that reads through the runtime turns the sleepers off (the footprint dependency misses what it watches). */
    @Test
    void anOracleWatchingThroughTheRuntimeSplitsWithoutSleepers() {
        for (long seed = 1; seed <= 20; seed++) {
            Partition.Prefixes pre = Partition.prefixes(program(seed), RunOptions.defaults(), 3, true);
            assertEquals(Partition.prefixes(program(seed), RunOptions.defaults(), 3, false), pre, "program " + seed);
        }
    }
}
