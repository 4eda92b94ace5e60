package offloadsim.reports.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.Program;
import offloadsim.sim.strategy.RandomWalk;

/**
 * The throughput measurement of the bench, run in a JVM of its own so that every build measured starts
 * equally cold: rounds of random-walk executions on one cell, one line per round. It runs against this
 * build's classes or, put behind an older build's jar on the class path, against that build's: on one
 * thread it calls only what every build since the first bench had (the catalog, {@code Program},
 * {@code Explorer.explore} with one strategy), so the older classes answer every call.
 *
 * <p>Arguments: scenario, variant, executions per round, rounds, threads. Output lines:
 * {@code round <i> <executions> <wall ns> <cpu ns of this thread, or -1 on several threads> <steps> <failures>}.
 */
public final class ThroughputProbe {
    private ThroughputProbe() {}

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: ThroughputProbe SCENARIO VARIANT EXECUTIONS ROUNDS THREADS");
            System.exit(2);
        }
        Scenario s = ScenarioCatalog.byName(args[0]);
        Variant v = Variant.byId(args[1]);
        long n = Long.parseLong(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        Program p = s.program(v);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            Explorer.Budget budget = Explorer.Budget.seeds(1 + r * n, n); // fresh seeds each round, the same in every build
            long cpu0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime(); // determinism-ok: the measurement itself
            Exploration e = threads == 1
                    ? Explorer.explore(p, new RandomWalk(), budget, s.runOptions(), Explorer.Progress.NONE)
                    : Explorer.explore(p, RandomWalk::new, threads, budget, s.runOptions(), Explorer.Progress.NONE);
            long wall = System.nanoTime() - t0; // determinism-ok
            long cpu = threads == 1 ? mx.getCurrentThreadCpuTime() - cpu0 : -1;
            System.out.printf("round %d %d %d %d %d %d%n", r, e.executions(), wall, cpu, e.steps(), e.failures());
        }
        System.out.flush();
    }
}
