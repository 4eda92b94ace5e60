package offloadsim.model;

import java.util.ArrayList;
import java.util.List;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimVar;
import offloadsim.sim.explore.Violation;

/**
 * Violations noticed at the moment they happen inside model code (synchronized: on the JVM binding
 * several threads append) (a forbidden state transition, an
 * offload of an unarchived timeline, an archival change after the arbiter): the oracles report them
 * after the step. Only ever appended to; read between steps.
 */
public final class Findings {
    private final List<Violation> found = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Bumped with every finding, so the scheduler's independence analysis sees two findings as ordered. */
    private final SimVar<Integer> count;

    public Findings(Sim sim) {
        this.count = sim.var("findings", 0);
    }

    private void add(Violation v) {
        count.update(n -> n + 1);
        found.add(v);
    }

    public void stoppingTerminal(String timeline, String detail) {
        add(new Violation(offloadsim.model.oracles.OracleNames.STOPPING_TERMINAL, "timeline " + timeline + ": " + detail));
    }

    public void onlyArchivedOffloaded(String timeline, String detail) {
        add(new Violation(offloadsim.model.oracles.OracleNames.ONLY_ARCHIVED_OFFLOADED, "timeline " + timeline + ": " + detail));
    }

    public void arbiter(String timeline, String detail) {
        add(new Violation(offloadsim.model.oracles.OracleNames.ARBITER, "timeline " + timeline + ": " + detail));
    }

    public List<Violation> all() {
        synchronized (found) {
            return List.copyOf(found);
        }
    }

    public int size() {
        return found.size();
    }
}
