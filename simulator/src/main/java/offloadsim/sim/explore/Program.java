package offloadsim.sim.explore;

import offloadsim.sim.api.Sim;

/**
 * Something to run under the simulator: builds its world on the given runtime, spawns its tasks and
 * returns the oracles that watch this run. Called once per execution, so each run starts afresh.
 */
@FunctionalInterface
public interface Program {
    Oracles start(Sim sim);
}
