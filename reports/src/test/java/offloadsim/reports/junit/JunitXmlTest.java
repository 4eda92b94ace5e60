package offloadsim.reports.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import offloadsim.reports.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** --junit output validates against the JUnit report schema CI reporters read, and says what failed and how to replay it. */
class JunitXmlTest {

    private static Schema schema() throws SAXException {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        return f.newSchema(JunitXmlTest.class.getResource("/junit/junit-report.xsd"));
    }

    private static int cli(String... args) {
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return Main.run(sink, sink, args);
    }

    private static Document validated(Path xml) throws Exception {
        String text = Files.readString(xml);
        schema().newValidator().validate(new StreamSource(new StringReader(text)));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    @Test
    void failingExplorationIsOneFailedTestcaseWithOracleStoryAndReplay(@TempDir Path dir) throws Exception {
        Path junit = dir.resolve("explore.xml");
        Path summary = dir.resolve("summary.md");
        int code = cli("explore", "--scenario", "unarchive-during-compaction-pinned", "--variant", "pre-10305", "--seeds", "1..3",
                "--junit", junit.toString(), "--summary", summary.toString());
        assertEquals(1, code);
        Document d = validated(junit);
        NodeList cases = d.getElementsByTagName("testcase");
        assertEquals(1, cases.getLength());
        Element failure = (Element) ((Element) cases.item(0)).getElementsByTagName("failure").item(0);
        assertEquals("stuck-stopping", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("replay: ./offload-sim replay"), failure.getTextContent());
        String md = Files.readString(summary);
        assertTrue(md.startsWith("### offload-sim: unarchive-during-compaction-pinned on pre-10305"), md);
        // appended, as $GITHUB_STEP_SUMMARY expects
        cli("explore", "--scenario", "unarchive-during-compaction-pinned", "--variant", "fix-10305", "--seeds", "1..3", "--summary", summary.toString());
        String twice = Files.readString(summary);
        assertTrue(twice.startsWith(md) && twice.contains("on fix-10305") && twice.contains("no violation"), twice);
    }

    @Test
    void cleanExplorationPasses(@TempDir Path dir) throws Exception {
        Path junit = dir.resolve("clean.xml");
        assertEquals(0, cli("explore", "--scenario", "unarchive-during-compaction-pinned", "--variant", "fix-10305", "--seeds", "1..5", "--junit", junit.toString()));
        Document d = validated(junit);
        assertEquals(0, d.getElementsByTagName("failure").getLength());
        assertEquals("1", ((Element) d.getElementsByTagName("testsuite").item(0)).getAttribute("tests"));
    }

    @Test
    void matrixCellsAreTestcasesAndOnlyMismatchesFail() throws Exception {
        var bug = new offloadsim.reports.json.ExplorationJson.ViolationJson("stuck-stopping", "ORACLE", "t1 stays Stopping", "compaction", "l", 7, 2,
                "v1:2:01", "./offload-sim replay --scenario s --variant pre-10305 --schedule v1:2:01");
        var found = new offloadsim.reports.json.ExplorationJson("offload-sim/v1", "s", "pre-10305", "random", "random walk", 1, 2, null, 2, false, 1, 2,
                2, 2, 2, 0, 12, java.util.Map.of("stuck-stopping", 1), java.util.List.of(bug));
        var clean = new offloadsim.reports.json.ExplorationJson("offload-sim/v1", "s", "fix-10305", "random", "random walk", 1, 9, null, 9, false, 0, -1,
                3, 3, 3, 0, 40, java.util.Map.of(), java.util.List.of());
        var m = new offloadsim.reports.json.MatrixJson("offload-sim/v1", "random", 1, 50000, false, java.util.List.of(
                new offloadsim.reports.json.MatrixJson.Cell("s", "pre-10305", "bug: stuck-stopping", "stuck-stopping", true, found, null, "sampled", "1. story", "v1:2:01"),
                new offloadsim.reports.json.MatrixJson.Cell("s", "fix-10305", "bug: panic", "clean", false, clean, null, "sampled", null, null)));
        String xml = JunitXml.ofMatrix(m);
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        NodeList cases = d.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        assertEquals(0, ((Element) cases.item(0)).getElementsByTagName("failure").getLength(), "a bug cell that shows its expected bug passes");
        Element f = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertEquals("expected bug: panic, found clean", f.getAttribute("message"));
        assertTrue(((Element) cases.item(0)).getElementsByTagName("system-out").item(0).getTextContent().contains("replay: ./offload-sim replay"));
    }

    @Test
    void schemaRejectsWhatReportersRefuse() throws Exception {
        String noName = "<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\" time=\"0\"><testcase classname=\"c\" time=\"0\"/></testsuite></testsuites>";
        assertThrows(SAXException.class, () -> schema().newValidator().validate(new StreamSource(new StringReader(noName))));
        String badTime = "<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\" time=\"soon\"/></testsuites>";
        assertThrows(SAXException.class, () -> schema().newValidator().validate(new StreamSource(new StringReader(badTime))));
    }
}
