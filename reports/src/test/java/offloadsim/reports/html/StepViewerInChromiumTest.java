package offloadsim.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import offloadsim.reports.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's step-through viewer works in a real browser, offline: headless Chromium loads the report,
 * a script presses the right-arrow key three times on the first viewer, and the DOM then shows step 3
 * with the world's state, the answers and the locks. CI installs Chromium (.ci/run); a developer machine
 * without it skips this test, CI never does.
 */
class StepViewerInChromiumTest {

    @Test
    void arrowKeysStepThroughTheFailingRun(@TempDir Path dir) throws Exception {
        HeadlessChromium.assumeAvailable();
        Path json = dir.resolve("e.json");
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(1, Main.run(sink, sink, "explore", "--scenario", "unarchive-during-compaction-pinned", "--variant", "pre-10305", "--seeds", "1..1", "--out", json.toString()));
        assertEquals(1, Main.run(sink, sink, "report", json.toString(), "--out", dir.resolve("out").toString()));
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.contains("class=\"stepper\""), "the report has a step-through viewer");
        String press = "<script>document.addEventListener('DOMContentLoaded', () => setTimeout(() => {"
                + "const box = document.querySelector('.stepper');"
                + "for (let i = 0; i < 3; i++) box.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));"
                + "document.body.setAttribute('data-pressed', 'yes');}, 0));</script></body>";
        Path page = dir.resolve("pressed.html");
        Files.writeString(page, html.replace("</body>", press));
        String dom = HeadlessChromium.dumpDom(page, dir);
        assertTrue(dom.contains("data-pressed=\"yes\""), "the key presses ran");
        String first = firstStepper(dom);
        Matcher pos = Pattern.compile("step (\\d+) of (\\d+)").matcher(first);
        assertTrue(pos.find(), first);
        assertEquals("3", pos.group(1));
        assertTrue(Integer.parseInt(pos.group(2)) > 3);
        assertTrue(first.contains("tenant g1"), "the world's state is shown: " + first);
        assertTrue(first.matches("(?s).*<div class=\"now\">#2 \\[[^\\]]+\\] @.*"), "the current step names its task and await point: " + first);
        assertTrue(html.contains("The same schedule on every variant") && html.contains("fix-10305"), "the schedule replayed on every variant");
    }

    private static String firstStepper(String dom) {
        int at = dom.indexOf("class=\"stepper\"");
        int end = dom.indexOf("class=\"steps\"", at);
        return dom.substring(at, end);
    }
}
