package offloadsim.scenarios.findings;

import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.sim.explore.Fingerprint;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.explore.Shrinker;
import offloadsim.sim.trace.Schedule;

/**
 * Fingerprints a failing run of a scenario: shrinks it (a random walk switches tasks far more often than
 * the race needs, and a chaos mix carries operations that play no part) and fingerprints what is left.
 */
public final class Fingerprints {

    /** Replays per shrink: the catalog's and archival-chaos's failures converge in a few hundred. */
    public static final int SHRINK_ATTEMPTS = 1_500;

    /** A failing run's fingerprint and the shrunk run it was taken from. */
    public record Fingerprinted(Fingerprint fingerprint, Shrinker.Result shrink) {
        public RunResult shrunk() {
            return shrink.shrunk();
        }
    }

    private Fingerprints() {}

    public static Fingerprinted of(Scenario s, Variant v, Schedule failing) {
        return of(s, v, failing, SHRINK_ATTEMPTS);
    }

    public static Fingerprinted of(Scenario s, Variant v, Schedule failing, int shrinkAttempts) {
        Shrinker.Result r = Shrinker.shrink(s.program(v), failing, s.runOptions(), shrinkAttempts);
        return new Fingerprinted(Fingerprint.of(r.shrunk(), IdScrubber.INSTANCE), r);
    }
}
