package offloadsim.reports.html;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The browser the report tests drive: present on CI (.ci/run installs it), optional on a developer machine. */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {}

    /** Skips the calling test where Chromium is missing, except on CI, which must never skip it. */
    static void assumeAvailable() {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || Files.isExecutable(CHROMIUM), "chromium is not installed (CI installs it)");
    }

    /** The DOM of {@code page} after its scripts ran, offline, with a throw-away profile under {@code dir}. */
    static String dumpDom(Path page, Path dir) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("profile"));
        List<String> cmd = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--virtual-time-budget=2000", "--dump-dom", page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        return new String(out, StandardCharsets.UTF_8);
    }
}
