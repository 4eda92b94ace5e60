package offloadsim.scenarios.crosscheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import offloadsim.model.Variant;

/**
 * The agreement table: the cross-check tests record their verdicts here, and every record rewrites
 * {@code target/cross-checks.json} (and {@code target/cross-checks.txt}) and prints the table, so after any
 * test run the file holds exactly the cells that ran in this JVM. The one exception is a JVM started with
 * {@code -Dcrosscheck.ledger.merge=true} (the Fray tests of {@code -Pfray}, which run on Fray's JDK after the
 * other cross-checks): it starts from the file that run wrote and adds its own cells.
 *
 * <p>File format ({@code "format": "offload-sim/cross-checks/1"}), stable:
 * <pre>
 * { "format": "offload-sim/cross-checks/1", "scenario": "unarchive-during-compaction", "generatedAt": ISO-8601,
 *   "commit": "abc1234" (git HEAD of the sources tested, "+dirty" with uncommitted changes; null outside git),
 *   "rows": [ { "variant": "pre-10305", "subject": "model" | "stand-in",
 *               "simulator": CELL, "lincheck": CELL, "jcstress": CELL, "fray": CELL,
 *               "agree": true|false|null } ] }
 * CELL = null (not run in this build) | { "verdict": "bug" | "clean" | "unavailable", "detail": "one line",
 *        "seconds": 12.3, ...engine extras } ; jcstress extras: "test", "outcomes": {"state": count},
 *        "interesting": n, "forbidden": n, "bugOutcomes": n, "total": n, "also": {second jcstress test} ;
 *        lincheck extras: "config", "invocations" (completed), "generalPurpose": {verdict, invocations, seconds, detail} ;
 *        simulator extras: "executions" ; fray extras: "strategies": {"POS": {verdict, executions, millis, timelines}, ...}
 * </pre>
 * "agree" is true when every cell that ran (verdict bug/clean) has the same verdict, null if fewer than two ran.
 */
public final class CrossCheckLedger {

    public static final String FORMAT = "offload-sim/cross-checks/1";
    public static final String[] ENGINES = {"simulator", "lincheck", "jcstress", "fray"};
    private static final Map<String, Map<String, Map<String, Object>>> ROWS = new TreeMap<>();
    private static boolean loaded;

    private CrossCheckLedger() {}

    /** A cell: verdict, one-line detail, wall seconds, and engine-specific extras. */
    public static Map<String, Object> cell(String verdict, String detail, double seconds) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("verdict", verdict);
        c.put("detail", detail);
        c.put("seconds", Math.round(seconds * 10) / 10.0);
        return c;
    }

    public static synchronized void record(Subject subject, Variant variant, String engine, Map<String, Object> cell) {
        loadForMerge();
        Map<String, Object> old = ROWS.computeIfAbsent(key(subject, variant), k -> new LinkedHashMap<>()).put(engine, cell);
        if (old != null) old.forEach(cell::putIfAbsent);
        flush();
    }

    /** Adds an extra field to a cell (creating the cell without a verdict if it has not been recorded yet). */
    public static synchronized void annotate(Subject subject, Variant variant, String engine, String field, Object value) {
        loadForMerge();
        ROWS.computeIfAbsent(key(subject, variant), k -> new LinkedHashMap<>()).computeIfAbsent(engine, k -> new LinkedHashMap<>()).put(field, value);
        flush();
    }

    /** With crosscheck.ledger.merge, the rows the earlier cross-check JVM of this build wrote are kept (once per JVM). */
    @SuppressWarnings("unchecked")
    private static void loadForMerge() {
        if (loaded || !Boolean.getBoolean("crosscheck.ledger.merge")) return;
        loaded = true;
        Path file = targetDir().resolve("cross-checks.json");
        if (!Files.isRegularFile(file)) return;
        try {
            Map<String, Object> doc = new ObjectMapper().readValue(file.toFile(), Map.class);
            for (Map<String, Object> row : (List<Map<String, Object>>) doc.getOrDefault("rows", List.of())) {
                Subject subject = "model".equals(row.get("subject")) ? Subject.MODEL : Subject.STAND_IN;
                Variant variant = Variant.byId(String.valueOf(row.get("variant")));
                Map<String, Map<String, Object>> cells = ROWS.computeIfAbsent(key(subject, variant), k -> new LinkedHashMap<>());
                for (String engine : ENGINES)
                    if (row.get(engine) instanceof Map<?, ?> c) cells.put(engine, new LinkedHashMap<>((Map<String, Object>) c));
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("cross-check ledger: not merging " + file + " (" + e + ")");
        }
    }

    private static String key(Subject subject, Variant variant) {
        // model rows first, then stand-in; variants in enum order
        return (subject == Subject.MODEL ? "0" : "1") + "|" + variant.ordinal() + "|" + subject.id() + "|" + variant.id();
    }

    private static String commit;

    /** The commit the suite ran on, so a report reading this file can say which sources it describes. */
    private static String commit() {
        if (commit == null) {
            String head = git("rev-parse", "--short", "HEAD");
            String changes = head == null ? null : git("status", "--porcelain", "--untracked-files=no");
            commit = head == null ? "" : head + (changes == null || changes.isEmpty() ? "" : "+dirty");
        }
        return commit.isEmpty() ? null : commit;
    }

    private static String git(String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("git"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Target directory of this module (surefire's working directory is the module). */
    public static Path targetDir() {
        Path p = Path.of("target");
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static void flush() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var e : ROWS.entrySet()) {
            String[] k = e.getKey().split("\\|");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("variant", k[3]);
            row.put("subject", k[2]);
            List<String> verdicts = new ArrayList<>();
            for (String engine : ENGINES) {
                Map<String, Object> c = e.getValue().get(engine);
                row.put(engine, c);
                if (c != null && ("bug".equals(c.get("verdict")) || "clean".equals(c.get("verdict")))) verdicts.add((String) c.get("verdict"));
            }
            row.put("agree", verdicts.size() < 2 ? null : verdicts.stream().distinct().count() == 1);
            rows.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("scenario", Subject.SCENARIO);
        doc.put("generatedAt", Instant.now().toString());
        doc.put("commit", commit());
        doc.put("rows", rows);
        String table = table(rows);
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(targetDir().resolve("cross-checks.json").toFile(), doc);
            Files.writeString(targetDir().resolve("cross-checks.txt"), table);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        System.out.println(table);
    }

    @SuppressWarnings("unchecked")
    static String table(List<Map<String, Object>> rows) {
        String fmt = "| %-10s | %-9s | %-32s | %-32s | %-44s | %-24s | %-5s |%n";
        StringBuilder sb = new StringBuilder("Cross-check agreement (" + Subject.SCENARIO + ")\n");
        sb.append(String.format(fmt, "variant", "subject", "simulator", "lincheck", "jcstress", "fray", "agree"));
        sb.append(String.format(fmt, "-".repeat(10), "-".repeat(9), "-".repeat(32), "-".repeat(32), "-".repeat(44), "-".repeat(24), "-".repeat(5)));
        for (Map<String, Object> r : rows) {
            String[] cells = new String[ENGINES.length];
            for (int i = 0; i < ENGINES.length; i++) {
                Map<String, Object> c = (Map<String, Object>) r.get(ENGINES[i]);
                if (c == null) cells[i] = "not run";
                else if (ENGINES[i].equals("jcstress") && c.containsKey("interesting"))
                    cells[i] = c.get("verdict") + ": " + c.get("interesting") + " interesting, " + c.get("forbidden") + " forbidden / " + c.get("total");
                else cells[i] = c.get("verdict") + " (" + c.get("seconds") + " s)";
            }
            Object agree = r.get("agree");
            sb.append(String.format(fmt, r.get("variant"), r.get("subject"), cells[0], cells[1], cells[2], cells[3], agree == null ? "-" : agree.toString()));
        }
        for (Map<String, Object> r : rows)
            for (String engine : ENGINES) {
                Map<String, Object> c = (Map<String, Object>) r.get(engine);
                if (c != null) sb.append("  ").append(r.get("variant")).append('/').append(r.get("subject")).append(' ').append(engine).append(": ").append(c.get("detail")).append('\n');
            }
        return sb.toString();
    }
}
