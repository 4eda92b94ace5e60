package offloadsim.scenarios.junit;

import offloadsim.sim.explore.Oracles;

/**
 * Called from a {@link SimulationTest} method to register the oracles that watch the execution being
 * set up (JUnit test methods must return void, so they cannot return them).
 */
public final class Simulation {
    private static final ThreadLocal<Oracles> WATCHED = new ThreadLocal<>();

    private Simulation() {}

    /** Checks {@code oracles} after every step and at the end of the current execution. */
    public static void watch(Oracles oracles) {
        WATCHED.set(oracles);
    }

    static Oracles take() {
        Oracles o = WATCHED.get();
        WATCHED.remove();
        return o == null ? Oracles.NONE : o;
    }
}
