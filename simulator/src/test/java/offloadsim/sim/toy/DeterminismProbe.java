package offloadsim.sim.toy;

import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.strategy.RandomWalk;

/** Prints "seed hash" lines for a toy program; run in a second JVM to prove cross-process determinism. */
public final class DeterminismProbe {
    public static void main(String[] args) {
        long from = Long.parseLong(args[0]);
        long to = Long.parseLong(args[1]);
        System.out.print(hashes(from, to));
    }

    public static String hashes(long from, long to) {
        StringBuilder sb = new StringBuilder();
        for (long seed = from; seed < to; seed++) {
            RandomWalk rw = new RandomWalk();
            rw.beginExecution(seed);
            RunResult r = DetSim.run(Toys.yielders(4, 6), rw, seed, RunOptions.defaults());
            sb.append(seed).append(' ').append(r.trace().hash()).append(' ').append(r.schedule().encode()).append('\n');
        }
        return sb.toString();
    }
}
