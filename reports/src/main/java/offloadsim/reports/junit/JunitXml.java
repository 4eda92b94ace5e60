package offloadsim.reports.junit;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import offloadsim.reports.json.ExplorationJson;
import offloadsim.reports.json.MatrixJson;

/**
 * JUnit XML (the Ant/Surefire format that Jenkins, GitLab and GitHub test reporters read): one
 * {@code <testcase>} per matrix cell or exploration, its failure carrying the oracle, the story and the
 * command that replays it, so a CI page shows a red cell with everything needed to reproduce it.
 */
public final class JunitXml {
    private JunitXml() {}

    /** One test case: a cell or an exploration; {@code failure} null when it passed. */
    record Case(String classname, String name, double seconds, Failure failure, String systemOut) {}

    /** A failure: short message (first line a CI page shows), type (the oracle), full text. */
    record Failure(String message, String type, String text) {}

    /** The verdict matrix: a cell fails when it does not match its expected verdict. */
    public static String ofMatrix(MatrixJson m) {
        List<Case> cases = m.cells().stream().map(JunitXml::cellCase).toList();
        return write("offload-sim matrix (" + m.strategy() + ")", cases);
    }

    /** One exploration (explore, merge): fails when it found a violation. */
    public static String ofExploration(ExplorationJson e) {
        return write("offload-sim explore " + e.scenario() + " " + e.variant(), List.of(explorationCase(e)));
    }

    private static Case cellCase(MatrixJson.Cell c) {
        double seconds = millis(c.exploration()) / 1000.0 + (c.completeness() == null ? 0 : millis(c.completeness()) / 1000.0);
        String out = "expected " + c.expected() + ", found " + c.found() + " (" + c.space() + ")"
                + (c.story() == null ? "" : "\n\n" + c.story())
                + (c.swimlaneTraceSchedule() == null ? "" : "\n\nreplay: " + replayOf(c));
        Failure f = null;
        if (!c.matches()) {
            ExplorationJson.ViolationJson v = firstViolation(c);
            f = new Failure("expected " + c.expected() + ", found " + c.found(), v == null ? "clean" : v.oracle(),
                    out + (v == null ? "" : "\n\nfirst violation: " + v.message() + "\nreplay: " + v.replay()));
        }
        return new Case("offload-sim.matrix." + c.scenario(), c.variant(), seconds, f, out);
    }

    private static String replayOf(MatrixJson.Cell c) {
        ExplorationJson.ViolationJson v = firstViolation(c);
        return v != null ? v.replay() : c.swimlaneTraceSchedule();
    }

    private static ExplorationJson.ViolationJson firstViolation(MatrixJson.Cell c) {
        for (ExplorationJson e : new ExplorationJson[] {c.exploration(), c.completeness()})
            if (e != null && !e.violations().isEmpty()) return e.violations().getFirst();
        return null;
    }

    private static Case explorationCase(ExplorationJson e) {
        String summary = e.executions() + " executions" + (e.complete() ? " (complete)" : "") + ", seeds " + e.firstSeed() + ".." + e.lastSeed()
                + (e.shard() == null ? "" : " (" + e.shard() + ")") + ", " + e.strategyDescription();
        Failure f = null;
        if (e.failures() > 0) {
            ExplorationJson.ViolationJson v = e.violations().getFirst();
            StringBuilder text = new StringBuilder(summary).append('\n').append(e.failures()).append(" failing executions ").append(e.failuresByOracle()).append('\n');
            for (ExplorationJson.ViolationJson x : e.violations())
                text.append("\nseed ").append(x.seed()).append(": ").append(x.oracle()).append(": ").append(x.message()).append("\n  replay: ").append(x.replay());
            f = new Failure(v.oracle() + ": " + firstLine(v.message()), v.oracle(), text.toString());
        }
        return new Case("offload-sim.explore." + e.scenario(), e.variant(), millis(e) / 1000.0, f, summary);
    }

    private static long millis(ExplorationJson e) {
        return e == null ? 0 : e.elapsedMillis();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static String write(String suite, List<Case> cases) {
        try {
            StringWriter sw = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(sw);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            long failures = cases.stream().filter(c -> c.failure() != null).count();
            double total = cases.stream().mapToDouble(Case::seconds).sum();
            w.writeStartElement("testsuites");
            attrs(w, suite, cases.size(), failures, total);
            w.writeCharacters("\n  ");
            w.writeStartElement("testsuite");
            attrs(w, suite, cases.size(), failures, total);
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", "0");
            for (Case c : cases) {
                w.writeCharacters("\n    ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", c.classname());
                w.writeAttribute("name", c.name());
                w.writeAttribute("time", seconds(c.seconds()));
                if (c.failure() != null) {
                    w.writeCharacters("\n      ");
                    w.writeStartElement("failure");
                    w.writeAttribute("message", c.failure().message());
                    w.writeAttribute("type", c.failure().type());
                    w.writeCharacters(c.failure().text());
                    w.writeEndElement();
                }
                w.writeCharacters("\n      ");
                w.writeStartElement("system-out");
                w.writeCharacters(c.systemOut());
                w.writeEndElement();
                w.writeCharacters("\n    ");
                w.writeEndElement();
            }
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
            return sw.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
    }

    private static void attrs(XMLStreamWriter w, String name, int tests, long failures, double seconds) throws XMLStreamException {
        w.writeAttribute("name", name);
        w.writeAttribute("tests", String.valueOf(tests));
        w.writeAttribute("failures", String.valueOf(failures));
        w.writeAttribute("time", seconds(seconds));
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
