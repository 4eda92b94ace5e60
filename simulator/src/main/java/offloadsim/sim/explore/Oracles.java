package offloadsim.sim.explore;

/** The checks of one run. A non-null result ends the run as a violation. */
public interface Oracles {

    /** Checked after every step; keep it cheap. */
    default Violation afterStep() {
        return null;
    }

    /** Checked once every (non-daemon) task has ended. */
    default Violation atQuiescence() {
        return null;
    }

    /** A canonical description of the final state, used to count distinct final states. */
    default String finalState() {
        return "";
    }

    /** Oracles that check nothing (for programs whose tasks assert by panicking). */
    Oracles NONE = new Oracles() {};
}
