package offloadsim.scenarios.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import offloadsim.model.Variant;
import org.junit.jupiter.api.Test;

/** The fingerprint's two promises on the catalog, at a small budget (README has the full figures). */
class FingerprintStabilityTest {

    @Test
    void theSameRaceFromDifferentSeedsMostlyGetsOneFingerprint() {
        List<FingerprintStability.Group> groups = FingerprintStability.catalog(8, 5_000, 300);
        List<FingerprintStability.Group> full = groups.stream().filter(g -> g.seeds() == 8).toList();
        assertTrue(full.size() >= 20, "too few catalog races found from 8 seeds: " + full.size());
        long stable = full.stream().filter(g -> g.modalShare() >= 0.9).count();
        assertTrue(stable >= 0.75 * full.size(), stable + " of " + full.size() + " stable:\n" + groups.stream().map(Object::toString).reduce("", (a, b) -> a + b + "\n"));
    }

    @Test
    void distinctRacesGetDistinctFingerprints() {
        List<FingerprintStability.Group> groups = FingerprintStability.catalog(4, 5_000, 300);
        assertEquals(List.of(), FingerprintStability.collisions(groups));
    }

    @Test
    void aShrunkRunIsCanonicalAcrossSeeds() {
        // #10220 from the first eight failing seeds of its cell: one shrunk shape
        var groups = FingerprintStability.catalog(8, 5_000, 300).stream().filter(g -> g.name().startsWith("unarchive-during-compaction/pre-10305")).toList();
        assertEquals(1, groups.size());
        assertEquals(1.0, groups.getFirst().modalShare(), groups.toString());
        assertTrue(groups.getFirst().modalShape().contains("compaction_iteration"), groups.getFirst().modalShape());
        assertEquals(Variant.PRE_10305.id(), "pre-10305");
    }
}
