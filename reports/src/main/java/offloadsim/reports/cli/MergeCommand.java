package offloadsim.reports.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import offloadsim.reports.AtomicFiles;
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

    @Mixin
    CiOutputOptions ci = new CiOutputOptions();

    @Override
    public Integer call() throws Exception {
        List<ExplorationJson> parts = new ArrayList<>();
        for (Path p : files) {
            var tree = Inputs.jsonFile(p);
            try {
                parts.add(Json.MAPPER.treeToValue(tree, ExplorationJson.class));
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new IllegalArgumentException(p + ": not an offload-sim result (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
            }
        }
        ExplorationJson a = parts.getFirst();
        long executions = 0, firstFailureAt = -1, elapsed = 0, first = Long.MAX_VALUE, last = Long.MIN_VALUE;
        int failures = 0, interleavings = 0, finals = 0, traces = 0;
        long pruned = 0;
        boolean complete = true;
        Map<String, Integer> byOracle = new LinkedHashMap<>();
        List<ExplorationJson.ViolationJson> vs = new ArrayList<>();
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
        }
        vs.sort(Comparator.comparingLong(ExplorationJson.ViolationJson::seed));
        if (!vs.isEmpty()) firstFailureAt = vs.getFirst().seed() - first + 1;
        ExplorationJson merged = new ExplorationJson(ExplorationJson.SCHEMA, a.scenario(), a.variant(), a.strategy(), a.strategyDescription(),
                first, last, "merged " + parts.size(), executions, complete, failures, firstFailureAt, interleavings, finals, traces, pruned, elapsed, byOracle, vs);
        String text = Json.write(merged);
        if (out != null) AtomicFiles.write(out, text);
        ci.write(JunitXml.ofExploration(merged), StepSummary.ofExploration(merged));
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return failures > 0 ? 1 : 0;
    }
}
