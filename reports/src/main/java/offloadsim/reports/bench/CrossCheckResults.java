package offloadsim.reports.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import offloadsim.model.Variant;
import offloadsim.scenarios.crosscheck.Subject;
import offloadsim.scenarios.crosscheck.jcstress.JcstressRunner;
import offloadsim.scenarios.crosscheck.lincheck.LincheckCheck;
import offloadsim.scenarios.crosscheck.lincheck.TenantFacade;
import offloadsim.scenarios.verdict.CellResult;

/**
 * The agreement table the matrix report shows, in the suite's file format ({@code offload-sim/cross-checks/1}, written
 * by the scenarios module's CrossCheckLedger) plus a {@code source} line saying where it came from. Either the last
 * suite results of this checkout ({@code scenarios/target/cross-checks.json}, with their date and commit, and a note
 * when the sources have moved since), or, when the suite has not run here, the cheap parts run now: the simulator
 * column from the matrix's own cells, Lincheck on a small budget and one second of jcstress per variant. Fray needs
 * its own JDK ({@code -Pfray}), so it is never run here; its cell says how to get it.
 */
public final class CrossCheckResults {

    public static final String FORMAT = "offload-sim/cross-checks/1";
    static final String[] ENGINES = {"simulator", "lincheck", "jcstress", "fray"};
    /** The quick Lincheck budget: the custom #10220 scenario and 2 random ones, 30 interleavings each. */
    static final LincheckCheck QUICK_LINCHECK = new LincheckCheck(2, 30, 2);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CrossCheckResults() {}

    /** The suite's results file with its provenance, or null when it is missing or unreadable. */
    public static JsonNode fromSuite(Path file, Path home) {
        if (!Files.isRegularFile(file)) return null;
        try {
            JsonNode doc = MAPPER.readTree(Files.readString(file));
            if (!(doc instanceof ObjectNode o) || !FORMAT.equals(o.path("format").asText())) return null;
            String commit = o.path("commit").asText(null);
            String head = Git.head(home);
            String moved = commit == null || head == null || commit.replace("+dirty", "").equals(head) ? "" : "; the sources are now at " + head + ", re-run mvn -B verify to refresh";
            o.put("source", "test suite (mvn -B verify) of " + o.path("generatedAt").asText("an unknown date") + (commit == null ? "" : ", commit " + commit) + moved);
            return o;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Runs the cheap cross-checks now (a quarter of a minute on 2 cores).
     *
     * @param cells the matrix's cells: the simulator column is taken from its unarchive-during-compaction cells
     */
    public static JsonNode quick(List<CellResult> cells, Path home, PrintStream log) throws Exception {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("scenario", Subject.SCENARIO);
        doc.put("generatedAt", Instant.now().toString());
        String head = Git.head(home);
        if (head == null) doc.putNull("commit");
        else doc.put("commit", head);
        doc.put("source", "quick cross-checks run by this matrix (no suite results in " + home.resolve("scenarios/target") + "): simulator = the matrix cells, Lincheck "
                + QUICK_LINCHECK.describe() + ", jcstress 1 s per variant, Fray not run; mvn -B verify (and -Pfray) for the full budgets");
        List<Variant> variants = List.of(Variant.PRE_10305, Variant.FIX_10305);
        List<ObjectNode> rows = new ArrayList<>();
        for (Variant v : variants) {
            ObjectNode row = MAPPER.createObjectNode();
            row.put("variant", v.id());
            row.put("subject", Subject.MODEL.id());
            row.set("simulator", simulator(cells, v));
            rows.add(row);
        }
        for (int i = 0; i < variants.size(); i++) {
            log.printf("matrix: quick Lincheck on %s ...%n", variants.get(i).id());
            rows.get(i).set("lincheck", lincheck(variants.get(i)));
        }
        log.println("matrix: quick jcstress (1 s per variant) ...");
        JcstressBench.Result j = JcstressBench.measure(1, log);
        rows.get(0).set("jcstress", jcstress(j.pre(), j.strandedPre(), j.wallSeconds(), j.budget()));
        rows.get(1).set("jcstress", jcstress(j.fix(), j.strandedFix(), j.wallSeconds(), j.budget()));
        String fray = FrayBench.unavailableReason(home);
        for (ObjectNode row : rows) {
            ObjectNode c = cell("unavailable", fray != null ? fray : "Fray's JDK is built, but Fray runs only in its own JVM: its verdicts come from mvn -B -Pfray verify, its timings from ./offload-sim bench", 0);
            row.set("fray", c);
            row.set("agree", agree(row));
        }
        ArrayNode arr = doc.putArray("rows");
        rows.forEach(arr::add);
        return doc;
    }

    /** One line for the terminal: per variant, each engine's verdict and whether they agree; then the source. */
    public static String summary(JsonNode doc) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode row : doc.path("rows")) {
            if (!"model".equals(row.path("subject").asText())) continue;
            sb.append(sb.isEmpty() ? "" : "; ").append(row.path("variant").asText()).append(':');
            for (String e : ENGINES) sb.append(' ').append(e).append(' ').append(row.path(e).path("verdict").asText("not run"));
            JsonNode agree = row.path("agree");
            sb.append(agree.isBoolean() ? (agree.asBoolean() ? " (agree)" : " (DISAGREE)") : "");
        }
        return sb.append(" [").append(doc.path("source").asText("unknown source")).append(']').toString();
    }

    private static ObjectNode simulator(List<CellResult> cells, Variant v) {
        for (CellResult c : cells) {
            if (!c.scenario().equals(Subject.SCENARIO) || c.variant() != v) continue;
            boolean bug = c.foundBug();
            ObjectNode n = cell(bug ? "bug" : "clean", bug ? "bug " + c.deciding().failuresByOracle().keySet() + " at execution " + c.deciding().firstFailureAt()
                    : c.sampleSkipped() ? "clean, complete (" + c.completeness().executions() + " exhaustive runs)"
                    : "clean in " + c.exploration().executions() + " executions" + (c.complete() ? ", complete (" + c.completeness().executions() + " exhaustive runs)" : ""),
                    c.elapsedNanos() / 1e9);
            n.put("executions", c.executions());
            return n;
        }
        return cell("not run", "the matrix did not include " + Subject.SCENARIO + "/" + v.id(), 0);
    }

    private static ObjectNode lincheck(Variant v) {
        long t0 = System.nanoTime();
        LincheckCheck.Outcome o = QUICK_LINCHECK.runCounted(TenantFacade.classFor(Subject.MODEL, v));
        double secs = (System.nanoTime() - t0) / 1e9;
        boolean bug = o.failure() != null;
        ObjectNode n = cell(bug ? "bug" : "clean", bug ? (LincheckCheck.shows10220(o.failure()) ? "non-linearizable: #10220 history" : "non-linearizable: "
                + String.valueOf(o.failure().getMessage()).lines().findFirst().orElse("")) + " after " + o.invocations() + " invocations"
                : "linearizable (offload-in-flight spec): " + o.invocations() + " invocations over " + o.scenarios() + " scenarios", secs);
        n.put("config", QUICK_LINCHECK.describe());
        n.put("invocations", o.invocations());
        return n;
    }

    private static ObjectNode jcstress(JcstressRunner.Counts c, long stranded, double secs, String budget) {
        if (c == null) return cell("unavailable", "jcstress did not run the test (see stderr)", secs);
        ObjectNode n = cell(c.verdict(), c.summary() + " [" + budget + "]", secs);
        n.put("test", c.test());
        n.put("stranded", stranded);
        n.put("interesting", c.interesting());
        n.put("forbidden", c.forbidden());
        n.put("total", c.total());
        return n;
    }

    private static ObjectNode cell(String verdict, String detail, double seconds) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("verdict", verdict);
        c.put("detail", detail);
        c.put("seconds", Math.round(seconds * 10) / 10.0);
        return c;
    }

    /** True when every cell that ran (bug or clean) has the same verdict, null if fewer than two ran. */
    static JsonNode agree(JsonNode row) {
        List<String> verdicts = new ArrayList<>();
        for (String e : ENGINES) {
            String v = row.path(e).path("verdict").asText("");
            if (v.equals("bug") || v.equals("clean")) verdicts.add(v);
        }
        if (verdicts.size() < 2) return MAPPER.nullNode();
        return MAPPER.getNodeFactory().booleanNode(verdicts.stream().distinct().count() == 1);
    }

    /** The commit of a checkout. */
    static final class Git {
        private Git() {}

        static String head(Path home) {
            try {
                Process p = new ProcessBuilder("git", "-C", home.toString(), "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes()).trim();
                return p.waitFor() == 0 && !out.isEmpty() ? out : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
