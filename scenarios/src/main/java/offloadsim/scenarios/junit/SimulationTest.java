package offloadsim.scenarios.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test method under the deterministic simulator, once per seed. The method takes a
 * {@link offloadsim.sim.api.Sim}, builds its world and spawns tasks on it, and may register
 * {@link offloadsim.sim.explore.Oracles} with {@link Simulation#watch} to check invariants. A task that throws (an assertion, a panic),
 * a deadlock, a step-budget overrun or a violated oracle fails the test with the seed, the schedule and
 * the line that replays it:
 *
 * <pre>{@code
 * @SimulationTest(seeds = 500)
 * void unarchiveRacesCompaction(Sim sim) { ...spawn tasks...; Simulation.watch(oracles); }
 * }</pre>
 *
 * To replay a failure, set {@link #schedule()} to the printed schedule string.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
@ExtendWith(SimulationExtension.class)
public @interface SimulationTest {

    /** How many seeds to run. */
    int seeds() default 100;

    /** The first seed; seed i of the run is {@code firstSeed + i}. */
    long firstSeed() default 1;

    /** Strategy name (see StrategySpec). */
    String strategy() default "random";

    /** Step budget of each execution. */
    int maxSteps() default 20_000;

    /** Whether preemption points between critical sections are scheduling points. */
    boolean preemptive() default true;

    /** A schedule string to replay instead of exploring (from a failure message). */
    String schedule() default "";
}
