package offloadsim.scenarios.explore;

import offloadsim.sim.strategy.RandomWalk;
import offloadsim.sim.strategy.Strategy;

/**
 * A strategy choice from the command line or the matrix: its name and parameters.
 *
 * @param name        random | urw | pct | pos | exhaustive | dpor
 * @param depth       PCT bug depth
 * @param preemptions exhaustive search's and dpor's preemption bound (-1 = unbounded)
 * @param por         exhaustive search with sleep-set partial-order reduction
 */
public record StrategySpec(String name, int depth, int preemptions, boolean por) {

    public static final java.util.List<String> NAMES = java.util.List.of("random", "urw", "pct", "pos", "exhaustive", "dpor");

    public static StrategySpec random() {
        return new StrategySpec("random", 0, 0, false);
    }

    /** Validates the name and parameters; IllegalArgumentException with a one-line reason. */
    public static StrategySpec of(String name, int depth, int preemptions, boolean por) {
        if (!NAMES.contains(name)) throw new IllegalArgumentException("unknown strategy '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        if (depth < 1) throw new IllegalArgumentException("PCT depth must be at least 1, got " + depth);
        if (preemptions < -1) throw new IllegalArgumentException("preemption bound must be -1 (unbounded) or more, got " + preemptions);
        return new StrategySpec(name, depth, preemptions, por);
    }

    /** A systematic search (exhaustive or dpor): its budget is executions, not seeds, and it can finish. */
    public boolean systematic() {
        return name.equals("exhaustive") || name.equals("dpor");
    }

    /**
     * The search of part {@code index} of {@code parts} of a split systematic search (see
     * {@link offloadsim.sim.explore.Partition}): this strategy below each of the part's decision prefixes,
     * dpor starting each with the prefix's sleepers.
     */
    public Strategy createPart(offloadsim.sim.explore.Partition.Prefixes prefixes, int index, int parts) {
        if (!systematic()) throw new IllegalArgumentException("only exhaustive and dpor split by decision prefixes; " + name + " splits by seeds");
        var mine = prefixes.part(index, parts);
        String label = "shard " + index + "/" + parts + ": " + mine.size() + " of " + prefixes.prefixes().size() + " prefixes of " + prefixes.depth() + " picks";
        return new offloadsim.sim.strategy.Parts<>(mine, prefix -> name.equals("dpor")
                ? new offloadsim.sim.strategy.Dpor(preemptions, prefix.decisions(), prefix.asleep())
                : new offloadsim.sim.strategy.Exhaustive(preemptions, por ? offloadsim.sim.strategy.Exhaustive.Reduction.SLEEP_SETS : offloadsim.sim.strategy.Exhaustive.Reduction.NONE, prefix.decisions(), 0),
                create(), label);
    }

    /**
     * Whether this search's prefixes are enumerated with sleep sets (see {@link offloadsim.sim.explore.Partition}):
     * dpor without a preemption bound, whose parts can start with other parts' sleepers.
     */
    public boolean splitsWithSleepSets() {
        return name.equals("dpor") && preemptions < 0;
    }

    /** A fresh strategy instance (strategies keep per-exploration state). */
    public Strategy create() {
        return switch (name) {
            case "random" -> new RandomWalk();
            case "urw" -> new offloadsim.sim.strategy.UniformRandomWalk();
            case "pct" -> new offloadsim.sim.strategy.Pct(depth);
            case "pos" -> new offloadsim.sim.strategy.Pos();
            case "dpor" -> new offloadsim.sim.strategy.Dpor(preemptions);
            case "exhaustive" -> new offloadsim.sim.strategy.Exhaustive(preemptions,
                    por ? offloadsim.sim.strategy.Exhaustive.Reduction.SLEEP_SETS : offloadsim.sim.strategy.Exhaustive.Reduction.NONE);
            default -> throw new IllegalArgumentException("unknown strategy '" + name + "'");
        };
    }
}
