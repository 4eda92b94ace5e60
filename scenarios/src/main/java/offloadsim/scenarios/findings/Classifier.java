package offloadsim.scenarios.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Outcome;

/**
 * Fingerprints what an exploration kept. Failing executions are counted in classes of oracle and
 * scrubbed message ({@link #CLASS_OF}, the explorer keeps the first few of each); every kept run is
 * shrunk and fingerprinted, and a class takes the fingerprint of its first run.
 */
public final class Classifier {

    /** The class of a failing outcome: its oracle and what it saw, ids scrubbed. */
    public static final Function<Outcome, String> CLASS_OF = o -> o.oracle() + " | " + IdScrubber.INSTANCE.apply(o.message());

    /** Replays per shrink when classifying (fewer than {@link Fingerprints#SHRINK_ATTEMPTS}: every kept run is shrunk). */
    public static final int SHRINK_ATTEMPTS = 600;

    private Classifier() {}

    /** Each kept run's fingerprint, in the order kept. */
    public static Map<Exploration.Found, Fingerprints.Fingerprinted> fingerprints(Scenario s, Variant v, Exploration e, int shrinkAttempts) {
        Map<Exploration.Found, Fingerprints.Fingerprinted> out = new LinkedHashMap<>();
        for (Exploration.Found f : e.found()) out.put(f, Fingerprints.of(s, v, f.run().schedule(), shrinkAttempts));
        return out;
    }

    /** The kept runs of one class, in order. */
    public static List<Exploration.Found> keptOf(Exploration e, Exploration.FailureClass c) {
        List<Exploration.Found> out = new ArrayList<>();
        for (Exploration.Found f : e.found()) if (CLASS_OF.apply(f.run().outcome()).equals(c.key())) out.add(f);
        return out;
    }
}
