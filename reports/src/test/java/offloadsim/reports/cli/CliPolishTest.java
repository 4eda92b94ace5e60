package offloadsim.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** What a new user trips over first: help on every command, file modes, and bad result or scenario files. */
class CliPolishTest {

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Stream<String> subcommands() {
        return new CommandLine(new Main()).getSubcommands().keySet().stream().filter(n -> !n.equals("help"));
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void helpWorksOnEverySubcommand(String name) {
        for (String flag : List.of("--help", "-h")) {
            Run r = cli(name, flag);
            assertEquals(0, r.code(), name + " " + flag + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: offload-sim " + name), name + " " + flag + " printed: " + r.out());
            assertEquals("", r.err(), name + " " + flag);
        }
        Run viaHelp = cli("help", name);
        assertEquals(0, viaHelp.code(), viaHelp.err());
        assertTrue(viaHelp.out().startsWith("Usage: offload-sim " + name), viaHelp.out());
    }

    @Test
    void exploreHelpDoesNotAskForTheRequiredOptions() {
        Run r = cli("explore", "--help");
        assertEquals(0, r.code());
        assertFalse(r.err().contains("Missing required option"), r.err());
        assertTrue(r.out().contains("--variant"), r.out());
    }

    @Test
    void filesTheCommandsWriteAreReadableByOthers(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("explore.json");
        Run e = cli("explore", "--scenario", "unarchive-during-compaction", "--variant", "fix-10305", "--seeds", "1..3", "--json", "--out", json.toString());
        assertEquals(0, e.code(), e.err());
        assertMode(json);
        Path merged = dir.resolve("merged.json");
        Run m = cli("merge", json.toString(), "--out", merged.toString());
        assertEquals(0, m.code(), m.err());
        assertMode(merged);
        Path reportDir = dir.resolve("report");
        Run rep = cli("report", json.toString(), "--out", reportDir.toString());
        assertEquals(0, rep.code(), rep.err());
        assertMode(reportDir.resolve("report.md"));
        assertMode(reportDir.resolve("report.html"));
    }

    private static void assertMode(Path p) throws Exception {
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
    }

    static Stream<String> badResultFiles() {
        return Stream.of("foreign", "other-schema", "truncated", "empty", "not-utf8", "array", "missing-fields");
    }

    private static Path badResult(Path dir, String kind) throws Exception {
        Path p = dir.resolve(kind + ".json");
        switch (kind) {
            case "foreign" -> Files.writeString(p, "{\"name\": \"left-pad\", \"version\": \"1.3.0\"}");
            case "other-schema" -> Files.writeString(p, "{\"schema\": \"something-else/v9\", \"scenario\": \"x\"}");
            case "truncated" -> Files.writeString(p, "{\"schema\": \"offload-sim/v1\", \"scenario\": \"unarchive-during-compaction\", \"variant\": \"fix-");
            case "empty" -> Files.writeString(p, "");
            case "not-utf8" -> Files.write(p, new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
            case "array" -> Files.writeString(p, "[1, 2, 3]");
            case "missing-fields" -> Files.writeString(p, "{\"schema\": \"offload-sim/v1\", \"scenario\": \"unarchive-during-compaction\"}");
            default -> throw new IllegalArgumentException(kind);
        }
        return p;
    }

    @ParameterizedTest
    @MethodSource("badResultFiles")
    void mergeAndReportRefuseAFileThatIsNotAResult(String kind, @TempDir Path dir) throws Exception {
        Path bad = badResult(dir, kind);
        Path reportDir = dir.resolve("report");
        for (String[] args : List.of(new String[] {"merge", bad.toString(), "--out", dir.resolve("m.json").toString()},
                new String[] {"report", bad.toString(), "--out", reportDir.toString()})) {
            Run r = cli(args);
            assertEquals(2, r.code(), args[0] + " " + kind + ": " + r.err());
            assertEquals(1, r.err().lines().count(), args[0] + " " + kind + " must say one line: " + r.err());
            assertTrue(r.err().startsWith("offload-sim: " + bad), args[0] + " " + kind + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
            assertEquals("", r.out());
        }
        assertFalse(Files.exists(dir.resolve("m.json")), "merge left a file behind");
        assertFalse(Files.exists(reportDir), "report left a directory behind");
    }

    @Test
    void aScenarioFileThatIsNotUtf8IsOneClearLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, "name: caf\u00e9\nworld: {}\n".getBytes(StandardCharsets.ISO_8859_1));
        for (String[] args : List.of(new String[] {"explore", "--file", f.toString(), "--variant", "pre-10305"},
                new String[] {"replay", "--file", f.toString(), "--variant", "pre-10305", "--seed", "1"})) {
            Run r = cli(args);
            assertEquals(2, r.code(), args[0] + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            // "name: caf" is 9 bytes; the Latin-1 e-acute after it is not UTF-8
            assertTrue(r.err().contains(f.toString()) && r.err().contains("not UTF-8 text (byte 0xe9 at offset 9)"), r.err());
        }
    }
}
