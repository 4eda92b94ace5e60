package offloadsim.reports.cli;

import java.nio.file.Path;
import offloadsim.reports.AtomicFiles;
import offloadsim.reports.junit.StepSummary;
import picocli.CommandLine.Option;

/** Outputs for CI: JUnit XML for test reporters and a Markdown summary to append to $GITHUB_STEP_SUMMARY. */
final class CiOutputOptions {
    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML (one testcase per cell; failures carry the oracle, story and replay command)")
    Path junit;

    @Option(names = "--summary", paramLabel = "FILE", description = "Append a Markdown summary to FILE (e.g. \"$GITHUB_STEP_SUMMARY\")")
    Path summary;

    void write(String junitXml, String markdown) {
        if (junit != null) AtomicFiles.write(junit, junitXml);
        if (summary != null) StepSummary.append(summary, markdown);
    }
}
