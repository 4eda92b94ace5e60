package offloadsim.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script's first build, with a stand-in {@code mvn} that prints what Maven prints (escape
 * sequences included) and fails: on a stderr that is not a terminal no escape sequence gets through, and
 * the launcher asks Maven for no colour.
 */
class LauncherTest {

    @Test
    void aBuildOnANonTerminalStderrLeaksNoEscapeSequences(@TempDir Path dir) throws Exception {
        Path launcher = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent().resolve("offload-sim");
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Files.copy(launcher, home.resolve("offload-sim"));
        Path bin = dir.resolve("bin");
        Files.createDirectories(bin);
        Path args = dir.resolve("mvn-args");
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/usr/bin/env bash\n"
                + "echo \"$@\" > '" + args + "'\n"
                + "printf '\\033[0m\\033[0m\\033[1;31m[ERROR]\\033[m COMPILATION ERROR\\n'\n"
                + "printf '\\033[1;31m[ERROR]\\033[m on stderr too\\n' >&2\n"
                + "exit 1\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("offload-sim").toString(), "list");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), err);
        assertTrue(err.contains("COMPILATION ERROR") && err.contains("on stderr too"), "Maven's output must still be shown: " + err);
        assertTrue(err.contains("offload-sim: build failed"), err);
        assertFalse(err.contains("\u001b"), "escape sequence on a non-terminal stderr: " + err.replace("\u001b", "<ESC>"));
        assertEquals("", out);
        assertTrue(Files.readString(args).contains("-Dstyle.color=never"), Files.readString(args));
    }
}
