package offloadsim.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The medium search targets of issue #15 (three tasks each), searched to the end by optimal DPOR with no
 * preemption bound on two threads: every interleaving explored, and every failure a known finding. A few
 * minutes of CPU each, so only under {@code mvn -B verify -pl reports -am -Pexplore-medium}.
 */
@EnabledIfSystemProperty(named = "offloadsim.medium", matches = "true")
class MediumSearchTest {

    @ParameterizedTest
    @ValueSource(strings = {"branch-archive-compaction", "unoffload-child-parent-offload-restart"})
    void isCompleteOnTheFixAndFindsOnlyKnownRaces(String name, @TempDir Path dir) throws Exception {
        Path file = Path.of("..", "scenarios", "src", "test", "resources", "offloadsim", "medium", name + ".yaml");
        Path out = dir.resolve(name + ".json");
        CliTest.Run r = CliTest.cli("explore", "--file", file.toString(), "--variant", "fix-10305", "--strategy", "dpor", "--preemptions", "-1",
                "--jobs", "2", "--schedules", "5000000", "--fail-on", "new", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(Files.readString(out));
        assertTrue(j.get("complete").asBoolean(), "every interleaving explored: " + j.get("strategyDescription").asText());
        assertTrue(j.get("failures").asLong() > 0, "the fix still shows the known open races here");
    }
}
