package offloadsim.reports.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every ./offload-sim command that the CI workflows and the Kubernetes manifest run is one the CLI
 * accepts: it parses, and its scenario, variant, seed range and shard are valid — with the workflows'
 * expressions replaced by the values they take (each matrix shard, each Job completion index).
 */
class WorkflowCommandsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern INVOCATION = Pattern.compile("\\./offload-sim\\s+([^|;&\\n]*)");

    record Invocation(String source, String line) {}

    @Test
    void everyCommandTheWorkflowsRunIsAccepted() throws IOException {
        List<Invocation> all = new ArrayList<>();
        for (Path f : files(ROOT.resolve(".github/workflows"))) all.addAll(workflowCommands(f));
        for (Path f : files(ROOT.resolve("deploy"))) all.addAll(manifestCommands(f));
        // ci: matrix; sweep: 8 shards + merge; Job: 8 indices + merge
        assertTrue(all.size() >= 1 + 8 + 1 + 8 + 1, "found " + all.size() + " invocations: " + all);
        for (Invocation i : all) assertDoesNotThrow(() -> check(i), i.source() + ": " + i.line());
    }

    @Test
    void theCheckRejectsWhatTheCliRejects() {
        for (String bad : List.of("explore --scenario no-such --variant fix-10305", "explore --scenario archival-chaos --variant fix-10305 --shard 8/8",
                "explore --scenario archival-chaos --variant pre-99", "merge --frobnicate x.json", "sweeps"))
            assertTrue(rejected(new Invocation("test", bad)), bad);
    }

    private static boolean rejected(Invocation i) {
        try {
            check(i);
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static List<Invocation> workflowCommands(Path f) throws IOException {
        JsonNode wf = YAML.readTree(f.toFile());
        JsonNode inputs = wf.path("on").path("workflow_dispatch").path("inputs");
        List<Invocation> out = new ArrayList<>();
        for (var entry : wf.path("jobs").properties()) {
            JsonNode job = entry.getValue();
            List<String> shards = new ArrayList<>();
            job.path("strategy").path("matrix").path("shard").forEach(n -> shards.add(n.asText()));
            if (shards.isEmpty()) shards.add("0");
            for (JsonNode step : iterable(job.path("steps"))) {
                if (!step.has("run")) continue;
                for (String shard : shards) {
                    String run = step.get("run").asText().replace("${{ matrix.shard }}", shard);
                    Matcher m = Pattern.compile("\\$\\{\\{ inputs\\.(\\w+) }}").matcher(run);
                    StringBuilder sb = new StringBuilder();
                    while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(inputs.path(m.group(1)).path("default").asText()));
                    m.appendTail(sb);
                    out.addAll(invocations(f.getFileName() + " job " + entry.getKey(), sb.toString().replace("$GITHUB_STEP_SUMMARY", "summary.md")));
                }
            }
        }
        return out;
    }

    private static List<Invocation> manifestCommands(Path f) throws IOException {
        List<Invocation> out = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(f.toFile())) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                JsonNode spec = doc.path("spec");
                int completions = spec.path("completions").asInt(1);
                JsonNode pod = spec.has("template") ? spec.path("template").path("spec") : spec;
                for (JsonNode c : iterable(pod.path("containers"))) {
                    StringBuilder cmd = new StringBuilder();
                    c.path("args").forEach(a -> cmd.append(a.asText()).append('\n'));
                    for (int i = 0; i < completions; i++)
                        out.addAll(invocations(f.getFileName() + " " + doc.path("metadata").path("name").asText(), cmd.toString().replace("$JOB_COMPLETION_INDEX", String.valueOf(i))));
                }
            }
        }
        return out;
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
        List<JsonNode> l = new ArrayList<>();
        n.forEach(l::add);
        return l;
    }

    private static List<Invocation> invocations(String source, String script) {
        List<Invocation> out = new ArrayList<>();
        Matcher m = INVOCATION.matcher(script);
        while (m.find()) out.add(new Invocation(source, m.group(1).trim()));
        return out;
    }

    /** Parses as the CLI does and validates the values the CLI validates only when it runs. */
    private static void check(Invocation i) {
        String[] args = words(i.line());
        CommandLine.ParseResult r = new CommandLine(new Main()).parseArgs(args);
        CommandLine.ParseResult sub = r.subcommand();
        if (sub == null) throw new IllegalArgumentException("no subcommand");
        String scenario = sub.matchedOptionValue("--scenario", null);
        if (scenario != null) ScenarioCatalog.byName(scenario);
        String variant = sub.matchedOptionValue("--variant", null);
        if (variant != null) Inputs.variant(variant);
        String seeds = sub.matchedOptionValue("--seeds", null);
        if (seeds != null) Inputs.seeds(seeds);
        String shard = sub.matchedOptionValue("--shard", null);
        if (shard != null) Inputs.shard(shard);
        assertEquals(false, sub.isUsageHelpRequested());
    }

    /** Shell words: whitespace-separated, double or single quotes grouping. */
    private static String[] words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char ch : line.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) quote = 0;
                else cur.append(ch);
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                any = true;
            } else if (Character.isWhitespace(ch)) {
                if (any || cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
                any = false;
            } else {
                cur.append(ch);
            }
        }
        if (any || cur.length() > 0) out.add(cur.toString());
        return out.toArray(String[]::new);
    }
}
