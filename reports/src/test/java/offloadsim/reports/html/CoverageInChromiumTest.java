package offloadsim.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import offloadsim.reports.cli.Main;
import offloadsim.reports.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's coverage section, as a browser builds it: headless Chromium loads the report of an exhaustive
 * search of the fix, a script reads the DOM (rows of the reached and pairs tables, the summary, the gap list)
 * and writes what it found into the page, and the figures must be the JSON's. Skipped without Chromium on a
 * developer machine, like {@link StepViewerInChromiumTest}; CI installs it.
 */
class CoverageInChromiumTest {

    @Test
    void theCoverageSectionShowsTheJsonsFigures(@TempDir Path dir) throws Exception {
        HeadlessChromium.assumeAvailable();
        Path json = dir.resolve("e.json");
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, Main.run(sink, sink, "explore", "--scenario", "unarchive-during-compaction", "--variant", "fix-10305", "--strategy", "dpor",
                "--preemptions", "-1", "--no-reduction-factor", "--out", json.toString()));
        assertEquals(0, Main.run(sink, sink, "report", json.toString(), "--out", dir.resolve("out").toString()));
        JsonNode cov = Json.MAPPER.readTree(Files.readString(json)).get("coverage");
        String html = Files.readString(dir.resolve("out/report.html"));
        String probe = "<script>document.addEventListener('DOMContentLoaded', () => setTimeout(() => {"
                + "const d = document.querySelector('details.coverage'); d.open = true;"
                + "const out = document.createElement('pre'); out.id = 'probe';"
                + "out.textContent = ['reached=' + (d.querySelectorAll('table.cov-reached tr').length - 1),"
                + " 'pairs=' + (d.querySelectorAll('table.cov-pairs tr').length - 1),"
                + " 'gaps=' + d.querySelectorAll('ul.cov-gaps li').length,"
                + " 'summary=' + d.querySelector('.cov-summary').textContent,"
                + " 'badge=' + document.querySelector('.cov-badge a').getAttribute('href') + ' ' + document.querySelector('.cov-badge').textContent,"
                + " 'open=' + d.open].join('|');"
                + "document.body.appendChild(out);}, 0));</script></body>";
        Path page = dir.resolve("probed.html");
        Files.writeString(page, html.replace("</body>", probe));
        String dom = HeadlessChromium.dumpDom(page, dir);
        int at = dom.indexOf("<pre id=\"probe\">");
        assertTrue(at >= 0, "the probe ran");
        String found = dom.substring(at + "<pre id=\"probe\">".length(), dom.indexOf("</pre>", at));
        String summary = "points " + cov.get("pointsReached").asInt() + "/" + cov.get("pointsDeclared").asInt() + ", pairs " + cov.get("pairCount").asInt();
        assertEquals("reached=" + cov.get("reached").size() + "|pairs=" + cov.get("pairs").size() + "|gaps=" + cov.get("unreachedInEnteredFunctions").size()
                + "|summary=" + summary + "|badge=#cov-0 " + summary + "|open=true", found);
        assertTrue(cov.get("reached").has("offload_timeline/shutdown_if_archived"), "the fix's arbiter was reached: " + cov.get("reached"));
    }
}
