package offloadsim.scenarios.crosscheck.fray;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import offloadsim.model.Variant;
import offloadsim.scenarios.crosscheck.fray.FrayCheck.Budget;
import offloadsim.scenarios.crosscheck.fray.FrayCheck.Result;
import offloadsim.scenarios.crosscheck.fray.FrayCheck.Strategy;

/**
 * The Fray half of {@code ./offload-sim bench}, run in a JVM on Fray's instrumented JDK with its agents (bench
 * starts it; {@code -Pfray} builds what it needs under scenarios/target/fray). Usage:
 * {@code FrayBenchMain RUNS FIX_EXECUTIONS REPORT_DIR}. For each of POS, random and SURW it runs {@code RUNS}
 * independent launches on pre-10305, each stopping at its first failing execution (the executions and wall time
 * to the bug), then one launch of {@code FIX_EXECUTIONS} executions per strategy on fix-10305 (executions per
 * second). Before measuring, one discarded launch warms the JVM up, as the simulator's rows are measured warm.
 * Prints one JSON document on stdout; progress on stderr. When this JVM is not Fray's, the document says why.
 */
public final class FrayBenchMain {

    private FrayBenchMain() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        int fixExecutions = Integer.parseInt(args[1]);
        Path reports = Path.of(args[2]);
        Map<String, Object> doc = new LinkedHashMap<>();
        String why = FrayCheck.unavailableReason();
        doc.put("available", why == null);
        if (why != null) {
            doc.put("reason", why);
            print(doc);
            return;
        }
        doc.put("fray", "0.9.2");
        doc.put("javaHome", System.getProperty("java.home"));
        Files.createDirectories(reports);
        // Fray's progress display clears the terminal with ANSI codes on System.out: keep it in a file
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(Files.newOutputStream(reports.resolve("fray-progress.log")), true));
        try {
            measure(doc, runs, fixExecutions, reports);
        } finally {
            System.out.close();
            System.setOut(stdout);
        }
        print(doc);
    }

    private static void measure(Map<String, Object> doc, int runs, int fixExecutions, Path reports) {
        FrayCheck.run(Variant.PRE_10305, Strategy.POS, new Budget(1000, FrayCheck.STEP_BOUND, FrayCheck.STALL_SECONDS), reports.resolve("warm-up"));
        List<Map<String, Object>> pre = new ArrayList<>();
        for (Strategy s : Strategy.values()) {
            List<Map<String, Object>> launches = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Result r = FrayCheck.run(Variant.PRE_10305, s, new Budget(1000, FrayCheck.STEP_BOUND, FrayCheck.STALL_SECONDS), reports.resolve("pre-" + s.label() + "-" + i));
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("found", r.found10220() || r.foundPanic());
                l.put("form", r.found10220() ? "#10220" : r.foundPanic() ? "panic" : r.failure() == null ? "none" : r.livelocked() ? "livelock" : "other");
                l.put("executions", r.executions());
                l.put("micros", r.micros());
                launches.add(l);
                System.err.printf("bench: Fray %s pre-10305 launch %d/%d: %s%n", s.label(), i + 1, runs, r.summary());
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("strategy", s.label());
            m.put("description", s.description());
            m.put("launches", launches);
            pre.add(m);
        }
        doc.put("pre", pre);
        List<Map<String, Object>> fix = new ArrayList<>();
        if (fixExecutions > 0) {
            for (Strategy s : Strategy.values()) {
                Result r = FrayCheck.run(Variant.FIX_10305, s, new Budget(fixExecutions, FrayCheck.STEP_BOUND, FrayCheck.STALL_SECONDS), reports.resolve("fix-" + s.label()));
                System.err.printf("bench: Fray %s fix-10305: %s%n", s.label(), r.summary());
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("strategy", s.label());
                m.put("executions", r.executions());
                m.put("millis", r.millis());
                m.put("failures", r.failure() == null ? 0 : 1);
                m.put("failure", r.failure() == null ? null : FrayCheck.firstLine(r.failure()));
                m.put("timelines", r.timelines());
                fix.add(m);
            }
        }
        doc.put("fix", fix);
    }

    private static void print(Map<String, Object> doc) throws Exception {
        System.out.println(new ObjectMapper().writeValueAsString(doc));
        System.out.flush();
    }
}
