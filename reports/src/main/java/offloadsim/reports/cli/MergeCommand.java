package offloadsim.reports.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import offloadsim.reports.AtomicFiles;
import offloadsim.reports.findings.LedgerCheck;
import offloadsim.scenarios.findings.Ledger;
import offloadsim.reports.json.CoverageJson;
import offloadsim.reports.json.ExplorationJson;
import offloadsim.reports.json.Json;
import offloadsim.reports.junit.JunitXml;
import offloadsim.reports.junit.StepSummary;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "merge", description = "Merge the JSON results of shards of one exploration into one verdict; exit 1 if any shard found a violation.")
final class MergeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", description = "JSON result files written by explore --json/--out")
    List<Path> files;

    @Option(names = "--out", description = "Also write the merged JSON to this file (atomically)")
    Path out;

    @Option(names = "--fail-on", defaultValue = "any", description = "any: exit 1 on any violation; new: only on a violation no ledger entry covers on this variant, or an expected finding that did not show (default ${DEFAULT-VALUE})")
    String failOn;
    @Mixin
    CiOutputOptions ci = new CiOutputOptions();

    @Override
    public Integer call() throws Exception {
        var mode = LedgerCheck.FailOn.parse(failOn);
        List<ExplorationJson> parts = new ArrayList<>();
        for (Path p : files) parts.add(Inputs.exploration(p, Inputs.jsonFile(p)));
        parts.sort(Comparator.comparingLong(ExplorationJson::firstSeed)); // the merge does not depend on the order of the files
        ExplorationJson a = parts.getFirst();
        long executions = 0, firstFailureAt = -1, elapsed = 0, first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        int failures = 0, interleavings = 0, finals = 0, traces = 0;
        long pruned = 0;
        boolean complete = true;
        Map<String, Integer> byOracle = new LinkedHashMap<>();
        List<ExplorationJson.ViolationJson> vs = new ArrayList<>();
        Map<String, ExplorationJson.ClassJson> classes = new LinkedHashMap<>();
        long rechecked = 0;
        CoverageJson coverage = null;
        for (ExplorationJson p : parts) {
            if (!p.scenario().equals(a.scenario()) || !p.variant().equals(a.variant()) || !p.strategy().equals(a.strategy()))
                throw new IllegalArgumentException("cannot merge results of different explorations: " + a.scenario() + "/" + a.variant() + "/" + a.strategy()
                        + " and " + p.scenario() + "/" + p.variant() + "/" + p.strategy());
            executions += p.executions();
            failures += p.failures();
            complete &= p.complete();
            elapsed = Math.max(elapsed, p.elapsedMillis());
            first = Math.min(first, p.firstSeed());
            last = Math.max(last, p.lastSeed());
            interleavings += p.distinctInterleavings(); // an upper bound: shards may share interleavings
            traces += p.distinctTraces(); // an upper bound, like interleavings
            pruned += p.pruned();
            finals = Math.max(finals, p.distinctFinalStates()); // a lower bound: the union is not known
            p.failuresByOracle().forEach((k, n) -> byOracle.merge(k, n, Integer::sum));
            vs.addAll(p.violations());
            rechecked += p.rechecked();
            coverage = CoverageJson.merge(coverage, p.coverage());
            if (p.classes() != null) for (ExplorationJson.ClassJson c : p.classes()) classes.merge(c.key(), c, MergeCommand::mergeClass);
        }
        complete &= everyPartPresent(parts);
        vs.sort(Comparator.comparingLong(ExplorationJson.ViolationJson::seed));
        if (!vs.isEmpty()) firstFailureAt = vs.getFirst().seed() - first + 1;
        ExplorationJson merged = new ExplorationJson(ExplorationJson.SCHEMA, a.scenario(), a.variant(), a.strategy(), a.strategyDescription(),
                first, last, "merged " + parts.size(), executions, complete, failures, firstFailureAt, interleavings, finals, traces, pruned, elapsed, byOracle, vs,
                classes.values().stream().sorted(Comparator.comparingLong(ExplorationJson.ClassJson::firstSeed)).toList(), null, null, null, rechecked, coverage);
        merged = LedgerCheck.attribute(merged, Ledger.load());
        String text = Json.write(merged);
        if (out != null) AtomicFiles.write(out, text);
        ci.write(JunitXml.ofExploration(merged), StepSummary.ofExploration(merged));
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println(LedgerCheck.firstLine(merged));
        return LedgerCheck.fails(merged, mode) ? 1 : 0;
    }

    /** One class over two shards: the counts add up; the fingerprint is that of the earlier first seed. */
    static ExplorationJson.ClassJson mergeClass(ExplorationJson.ClassJson a, ExplorationJson.ClassJson b) {
        ExplorationJson.ClassJson first = b.firstSeed() < a.firstSeed() ? b : a;
        return new ExplorationJson.ClassJson(a.key(), a.count() + b.count(), first.firstSeed(), first.fingerprint(), first.shape(), first.finding(), first.shrunkSchedule());
    }

    /**
     * A split search is complete only if every part of it is here: the parts' shard fields ("i/n") must
     * name the same n and each i from 0 to n-1 (a result without a shard is a whole search by itself).
     */
    static boolean everyPartPresent(List<ExplorationJson> parts) {
        java.util.TreeSet<Integer> seen = new java.util.TreeSet<>();
        int n = -1;
        int wholes = 0;
        for (ExplorationJson p : parts) {
            String[] f = p.shard() == null ? new String[0] : p.shard().split("/");
            if (f.length != 2) {
                wholes++; // a whole search (no shard, or all parts run with --jobs)
                continue;
            }
            try {
                int i = Integer.parseInt(f[0].trim());
                int m = Integer.parseInt(f[1].trim());
                if (n >= 0 && m != n) return false;
                n = m;
                seen.add(i);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (n < 0) return true;
        return wholes == 0 && seen.size() == n && seen.first() == 0 && seen.last() == n - 1;
    }
}
