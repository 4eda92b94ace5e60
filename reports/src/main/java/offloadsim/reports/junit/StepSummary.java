package offloadsim.reports.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import offloadsim.reports.json.ExplorationJson;

/**
 * Markdown for a CI job summary. GitHub's {@code $GITHUB_STEP_SUMMARY} is a file every step appends to,
 * so {@link #append} appends instead of replacing.
 */
public final class StepSummary {
    private StepSummary() {}

    public static String ofExploration(ExplorationJson e) {
        StringBuilder sb = new StringBuilder("### offload-sim: ").append(e.scenario()).append(" on ").append(e.variant()).append("\n\n");
        sb.append(e.failures() == 0 ? "✅ no violation" : "🐞 " + e.failures() + " failing executions " + e.failuresByOracle())
          .append(" — ").append(e.executions()).append(" executions").append(e.complete() ? " (complete: every interleaving)" : "")
          .append(", seeds ").append(e.firstSeed()).append("..").append(e.lastSeed()).append(", ").append(e.strategyDescription()).append("\n\n");
        if (!e.violations().isEmpty()) {
            sb.append("| seed | oracle | message | replay |\n|---|---|---|---|\n");
            for (ExplorationJson.ViolationJson v : e.violations())
                sb.append("| ").append(v.seed()).append(" | ").append(v.oracle()).append(" | ").append(cell(v.message())).append(" | `").append(v.replay()).append("` |\n");
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").replace("|", "\\|");
    }

    public static void append(Path file, String markdown) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Files.writeString(file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
