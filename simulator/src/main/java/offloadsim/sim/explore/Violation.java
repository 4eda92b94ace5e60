package offloadsim.sim.explore;

/** A broken invariant: which oracle, and what it saw (naming the entity). */
public record Violation(String oracle, String message) {}
