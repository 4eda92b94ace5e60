package offloadsim.scenarios.properties;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import offloadsim.model.Variant;
import offloadsim.scenarios.catalog.ChaosMix;
import offloadsim.sim.explore.Exploration;
import org.junit.jupiter.api.Assertions;

/**
 * A property that is false on the pre-fix code; run only through the engine test kit in
 * {@link ChaosPropertiesTest} (its name keeps surefire from running it directly).
 */
public class PreFixChaosProperty {

    private static volatile String lastFailingMix;

    static String lastFailingMix() {
        return lastFailingMix;
    }

    @Provide
    Arbitrary<ChaosMix> mixes() {
        return ChaosMixes.mixes();
    }

    @Property(tries = 300, seed = "20261125", shrinking = ShrinkingMode.FULL, afterFailure = net.jqwik.api.AfterFailureMode.RANDOM_SEED)
    void preFixNeverStrands(@ForAll("mixes") ChaosMix mix) {
        Exploration e = ChaosMixes.explore(mix, Variant.PRE_10305, ChaosPropertiesTest.STRANDED, 40);
        if (e.failures() > 0) lastFailingMix = mix.toYaml("shrunk");
        Assertions.assertEquals(0, e.failures(), () -> "pre-10305 stranded a timeline\n" + mix.toYaml("counterexample"));
    }
}
