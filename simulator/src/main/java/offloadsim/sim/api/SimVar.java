package offloadsim.sim.api;

import java.util.function.UnaryOperator;

/**
 * Shared state read and written without a mutex (a watch channel, an atomic flag). The deterministic
 * runtime records each access, so partial-order reduction knows which steps conflict. Every piece of
 * model state that tasks share must be either guarded by a {@link SimMutex} or held in a SimVar.
 */
public interface SimVar<T> {
    String name();

    T get();

    /** Reads without recording an access: for oracles that look at the world between steps. */
    T peek();

    void set(T value);

    /** Read-modify-write as one indivisible access (compare-and-set, send_if_modified). */
    T update(UnaryOperator<T> f);

    /**
     * A change that commutes with every other {@code commute} of this variable and whose result the caller
     * does not look at (removing one's own entry from a set, bumping a counter nobody reads back in the
     * same step). Two of them in either order leave the same value and neither caller sees a difference, so
     * the deterministic runtime records an update, not a write: independent of other commutes, dependent on
     * every get, set and update. Passing a function that does not commute with the others is a modelling error
     * the reduction cannot detect.
     */
    void commute(UnaryOperator<T> f);
}
