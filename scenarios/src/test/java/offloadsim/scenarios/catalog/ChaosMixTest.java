package offloadsim.scenarios.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.file.ScenarioFile;
import org.junit.jupiter.api.Test;

class ChaosMixTest {

    private static ChaosMix mix(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return ChaosMix.generate(r::nextInt);
    }

    @Test
    void sameDrawsSameMix() {
        for (long s = 0; s < 50; s++) assertEquals(mix(s), mix(s));
    }

    @Test
    void mixesVaryAndRespectTheApiPreconditions() {
        Set<String> shapes = new HashSet<>();
        for (long s = 0; s < 200; s++) {
            ChaosMix m = mix(s);
            shapes.add(m.toYaml("x"));
            for (TimelineSpec t : m.world().timelines()) {
                if (!t.archived()) continue;
                for (TimelineSpec c : m.world().timelines())
                    assertTrue(!t.id().equals(c.ancestor()) || c.archived(), "archived " + t.id() + " has unarchived child " + c.id());
            }
            assertEquals("compaction", m.tasks().getFirst().name());
        }
        assertTrue(shapes.size() > 150, "only " + shapes.size() + " distinct mixes in 200 seeds");
    }

    @Test
    void aMixSavedAsAFileReadsBackTheSame() throws Exception {
        for (long s = 0; s < 100; s++) {
            ChaosMix m = mix(s);
            StaticScenario back = ScenarioFile.parse("chaos-" + s + ".yaml", m.toYaml("chaos-" + s));
            assertEquals(m.world(), back.world(), "world of seed " + s);
            assertEquals(m.tasks(), back.tasks(), "tasks of seed " + s);
        }
    }
}
