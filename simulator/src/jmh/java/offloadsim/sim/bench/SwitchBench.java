package offloadsim.sim.bench;

import java.util.concurrent.TimeUnit;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.strategy.RandomWalk;
import offloadsim.sim.toy.Toys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * (a) the cost of one task switch: two tasks each yield SWITCHES/2 times, so one run is SWITCHES steps;
 * (b) schedules per second of random walk on the toy check-then-act race (a whole execution each).
 */
@State(Scope.Thread)
public class SwitchBench {
    static final int SWITCHES = 10_000;

    private final Program pingPong = sim -> {
        for (String n : new String[] {"ping", "pong"}) {
            sim.spawn(n, () -> {
                for (int i = 0; i < SWITCHES / 2; i++) sim.yieldPoint("bench/yield");
            });
        }
        return Oracles.NONE;
    };
    private final Program toy = Toys.checkThenAct();
    private final RandomWalk rw = new RandomWalk();
    private long seed;

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(SWITCHES)
    public int taskSwitch() {
        rw.beginExecution(++seed);
        return DetSim.run(pingPong, rw, seed, RunOptions.defaults().withMaxSteps(SWITCHES * 2)).steps();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int toySchedule() {
        rw.beginExecution(++seed);
        return DetSim.run(toy, rw, seed, RunOptions.defaults()).steps();
    }
}
