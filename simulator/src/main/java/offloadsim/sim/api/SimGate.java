package offloadsim.sim.api;

/**
 * utils::sync::gate::Gate: holders enter and leave; {@link #close} refuses every later enter from the
 * moment it starts (it takes all permits at once) and then waits until the last holder has left.
 * Built from a {@link SimVar} and a {@link SimNotify}, so it is the same on every binding and the
 * scheduler sees every enter, leave and close as an access of one shared cell.
 */
public final class SimGate {

    /** Held permission to run under the gate; closing it leaves the gate (drop of GateGuard). */
    public interface Guard extends AutoCloseable {
        @Override
        void close();
    }

    private record State(int holders, boolean closed) {}

    private final String name;
    private final SimVar<State> state;
    private final SimNotify lastLeft;

    SimGate(Sim sim, String name) {
        this.name = name;
        this.state = sim.var("gate " + name, new State(0, false));
        this.lastLeft = sim.notify("gate " + name + " drained");
    }

    public String name() {
        return name;
    }

    /** Gate::enter: a guard, or null once close has started (GateError). */
    public Guard enter() {
        boolean[] entered = {false};
        state.update(s -> {
            if (s.closed()) return s;
            entered[0] = true;
            return new State(s.holders() + 1, false);
        });
        if (!entered[0]) return null;
        return new Guard() {
            private boolean left;

            @Override
            public void close() {
                if (left) throw new IllegalStateException("guard of gate " + name + " left twice");
                left = true;
                State after = state.update(s -> new State(s.holders() - 1, s.closed()));
                if (after.closed() && after.holders() == 0) lastLeft.notifyOne();
            }
        };
    }

    /** Gate::close: new enters fail from here on; waits (a yield point while holders remain) for every holder to leave. */
    public void close(String label) {
        state.update(s -> new State(s.holders(), true));
        while (state.get().holders() > 0) lastLeft.notified(label);
    }

    public boolean isClosed() {
        return state.get().closed();
    }

    /** Holders right now, without recording an access (oracles and reports between steps). */
    public int peekHolders() {
        return state.peek().holders();
    }
}
