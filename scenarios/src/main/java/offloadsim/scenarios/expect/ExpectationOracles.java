package offloadsim.scenarios.expect;

import java.util.ArrayList;
import java.util.List;
import offloadsim.model.Pageserver;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Violation;

/**
 * The oracle {@code expectation}: a scripted run's missed answers (reported by its tasks as they answer)
 * end the run after the step that answered; at quiescence the final-state expectations are checked; then
 * the model's oracles decide as usual.
 */
public final class ExpectationOracles implements Oracles {

    public static final String NAME = "expectation";

    private final Oracles model;
    private final Pageserver ps;
    private final StateExpectation atEnd;
    /** Written by tasks, read between steps. */
    private final List<String> misses = new ArrayList<>();

    public ExpectationOracles(Oracles model, Pageserver ps, StateExpectation atEnd) {
        this.model = model;
        this.ps = ps;
        this.atEnd = atEnd;
    }

    /** A task's op answered something else than expected. */
    public synchronized void missed(String message) {
        misses.add(message);
    }

    @Override
    public Violation afterStep() {
        synchronized (this) {
            if (!misses.isEmpty()) return new Violation(NAME, misses.getFirst());
        }
        return model.afterStep();
    }

    @Override
    public Violation atQuiescence() {
        synchronized (this) {
            if (!misses.isEmpty()) return new Violation(NAME, misses.getFirst());
        }
        if (atEnd != null) {
            List<String> diff = atEnd.differences(ps::peekTenantState, ps::peekView, ps::peekAttachPreview);
            if (!diff.isEmpty()) return new Violation(NAME, "at quiescence: " + String.join("; ", diff));
        }
        return model.atQuiescence();
    }

    @Override
    public String finalState() {
        return model.finalState();
    }
}
