package offloadsim.model.oracles;

import offloadsim.model.Pageserver;
import offloadsim.sim.explore.Violation;

/** One invariant of the model, read between steps without locks (the scheduler is paused). */
interface ModelOracle {
    String name();

    default Violation afterStep(Pageserver ps) {
        return null;
    }

    default Violation atQuiescence(Pageserver ps) {
        return null;
    }
}
