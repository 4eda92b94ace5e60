package offloadsim.reports.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import offloadsim.scenarios.explore.ReplayCommand;
import offloadsim.scenarios.findings.Fingerprints;
import offloadsim.sim.explore.Exploration;

/**
 * The stable JSON form of one exploration (schema "offload-sim/v1"): see README "JSON results".
 * Field names never change within a schema version; new fields may be added.
 */
public record ExplorationJson(String schema, String scenario, String variant, String strategy, String strategyDescription,
                              long firstSeed, long lastSeed, String shard, long executions, boolean complete, int failures,
                              long firstFailureAt, int distinctInterleavings, int distinctFinalStates, int distinctTraces, long pruned,
                              long elapsedMillis,
                              Map<String, Integer> failuresByOracle, List<ViolationJson> violations,
                              List<ClassJson> classes, Map<String, Integer> knownFindings, List<NewFinding> newFindings,
                              List<String> missingFindings, long rechecked, CoverageJson coverage) {

    public static final String SCHEMA = "offload-sim/v1";

    /** A result without classes or attribution (as written before the findings ledger). */
    public ExplorationJson(String schema, String scenario, String variant, String strategy, String strategyDescription,
                           long firstSeed, long lastSeed, String shard, long executions, boolean complete, int failures,
                           long firstFailureAt, int distinctInterleavings, int distinctFinalStates, int distinctTraces, long pruned,
                           long elapsedMillis, Map<String, Integer> failuresByOracle, List<ViolationJson> violations) {
        this(schema, scenario, variant, strategy, strategyDescription, firstSeed, lastSeed, shard, executions, complete, failures, firstFailureAt,
                distinctInterleavings, distinctFinalStates, distinctTraces, pruned, elapsedMillis, failuresByOracle, violations, null, null, null, null, 0, null);
    }

    /** A result written before the coverage figures. */
    public ExplorationJson(String schema, String scenario, String variant, String strategy, String strategyDescription,
                           long firstSeed, long lastSeed, String shard, long executions, boolean complete, int failures,
                           long firstFailureAt, int distinctInterleavings, int distinctFinalStates, int distinctTraces, long pruned,
                           long elapsedMillis, Map<String, Integer> failuresByOracle, List<ViolationJson> violations,
                           List<ClassJson> classes, Map<String, Integer> knownFindings, List<NewFinding> newFindings,
                           List<String> missingFindings, long rechecked) {
        this(schema, scenario, variant, strategy, strategyDescription, firstSeed, lastSeed, shard, executions, complete, failures, firstFailureAt,
                distinctInterleavings, distinctFinalStates, distinctTraces, pruned, elapsedMillis, failuresByOracle, violations, classes, knownFindings,
                newFindings, missingFindings, rechecked, null);
    }

    /**
     * One failing run: its oracle and what it saw, the seed and the schedule, the command that replays it,
     * its fingerprint (taken on the shrunk run, whose schedule is {@code shrunkSchedule}) and the ledger
     * finding that covers it on this variant ({@code finding}, null for NEW).
     */
    public record ViolationJson(String oracle, String kind, String message, String task, String label, int step, long seed, String schedule, String replay,
                                String finding, String fingerprint, String shape, String shrunkSchedule) {
        /** A violation not (yet) fingerprinted. */
        public ViolationJson(String oracle, String kind, String message, String task, String label, int step, long seed, String schedule, String replay) {
            this(oracle, kind, message, task, label, step, seed, schedule, replay, null, null, null, null);
        }

        public ViolationJson withFinding(String id) {
            return new ViolationJson(oracle, kind, message, task, label, step, seed, schedule, replay, id, fingerprint, shape, shrunkSchedule);
        }
    }

    /**
     * Failing executions of one class (oracle and scrubbed message): how many, the first seed, and the
     * fingerprint and finding of the class's first run.
     */
    public record ClassJson(String key, int count, long firstSeed, String fingerprint, String shape, String finding, String shrunkSchedule) {
        public ClassJson withFinding(String id) {
            return new ClassJson(key, count, firstSeed, fingerprint, shape, id, shrunkSchedule);
        }
    }

    /** A class no ledger entry covers on this variant; {@code knownElsewhereAs} names an entry that covers it on other variants. */
    public record NewFinding(String fingerprint, String shape, int count, long firstSeed, String replay, String knownElsewhereAs) {}

    public static ExplorationJson of(String scenario, String variant, long firstSeed, String shard, Exploration e) {
        return of(scenario, variant, firstSeed, shard, e, Map.of());
    }

    /** With the fingerprints of the kept runs (absent ones are left null). Attribution is {@link offloadsim.reports.findings.LedgerCheck}'s. */
    public static ExplorationJson of(String scenario, String variant, long firstSeed, String shard, Exploration e,
                                     Map<Exploration.Found, Fingerprints.Fingerprinted> fingerprints) {
        List<ViolationJson> vs = new ArrayList<>();
        Map<Long, Fingerprints.Fingerprinted> bySeed = new java.util.HashMap<>(); // looked up, never iterated
        for (Exploration.Found f : e.found()) {
            var o = f.run().outcome();
            var fp = fingerprints.get(f);
            if (fp != null) bySeed.put(f.seed(), fp);
            vs.add(new ViolationJson(o.oracle(), o.kind().name(), o.message(), o.task(), o.label(), o.step(), f.seed(),
                    f.run().schedule().encode(), ReplayCommand.of(scenario, variant, f.run().schedule()), null,
                    fp == null ? null : fp.fingerprint().id(), fp == null ? null : fp.fingerprint().shape(),
                    fp == null ? null : fp.shrunk().schedule().encode()));
        }
        List<ClassJson> classes = new ArrayList<>();
        for (Exploration.FailureClass c : e.classes()) {
            var fp = bySeed.get(c.firstSeed());
            classes.add(new ClassJson(c.key(), c.count(), c.firstSeed(), fp == null ? null : fp.fingerprint().id(),
                    fp == null ? null : fp.fingerprint().shape(), null, fp == null ? null : fp.shrunk().schedule().encode()));
        }
        return new ExplorationJson(SCHEMA, scenario, variant, e.strategy(), e.strategyDescription(), firstSeed,
                firstSeed + e.executions() - 1, shard, e.executions(), e.complete(), e.failures(), e.firstFailureAt(),
                e.distinctInterleavings(), e.distinctFinalStates(), e.distinctTraces(), e.pruned(), e.elapsedNanos() / 1_000_000, e.failuresByOracle(), vs,
                classes, null, null, null, e.rechecked());
    }

    /** The same result with the ledger's attribution filled in. */
    public ExplorationJson withAttribution(List<ViolationJson> vs, List<ClassJson> cs, Map<String, Integer> known, List<NewFinding> fresh, List<String> missing) {
        return new ExplorationJson(schema, scenario, variant, strategy, strategyDescription, firstSeed, lastSeed, shard, executions, complete, failures,
                firstFailureAt, distinctInterleavings, distinctFinalStates, distinctTraces, pruned, elapsedMillis, failuresByOracle, vs, cs, known, fresh, missing, rechecked,
                coverage);
    }

    /** The same result with its coverage figures. */
    public ExplorationJson withCoverage(CoverageJson c) {
        return new ExplorationJson(schema, scenario, variant, strategy, strategyDescription, firstSeed, lastSeed, shard, executions, complete, failures,
                firstFailureAt, distinctInterleavings, distinctFinalStates, distinctTraces, pruned, elapsedMillis, failuresByOracle, violations, classes,
                knownFindings, newFindings, missingFindings, rechecked, c);
    }
}
