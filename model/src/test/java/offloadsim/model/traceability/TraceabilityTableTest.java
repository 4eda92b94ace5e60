package offloadsim.model.traceability;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * model/README.md's traceability table is the one the {@code // Rust:} comments generate. With
 * {@code -Dtraceability.write=true} this test rewrites the table instead of comparing it.
 */
class TraceabilityTableTest {

    @Test
    void readmeTableMatchesTheComments() throws Exception {
        Path readme = ModelTraceability.readme();
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String table = TraceabilityTable.render(ModelTraceability.scanMain().comments());
        String expected = TraceabilityTable.replaceSection(text, table);
        assertNotNull(expected, "model/README.md has no traceability table markers; put these two lines where it goes and run "
                + ModelTraceability.REGENERATE + "\n" + TraceabilityTable.BEGIN + "\n" + TraceabilityTable.END);
        if (expected.equals(text)) return;
        if (Boolean.getBoolean("traceability.write")) {
            Files.writeString(readme, expected, StandardCharsets.UTF_8);
            return;
        }
        fail("model/README.md's traceability table disagrees with the `// Rust:` comments (first difference: "
                + firstDifference(text, expected) + "); regenerate it with:\n  " + ModelTraceability.REGENERATE);
    }

    private static String firstDifference(String actual, String expected) {
        String[] a = actual.split("\n", -1), e = expected.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, e.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>", y = i < e.length ? e[i] : "<end of file>";
            if (!x.equals(y)) return "README.md line " + (i + 1) + " is\n    " + x + "\n  and should be\n    " + y + "\n ";
        }
        return "none";
    }
}
