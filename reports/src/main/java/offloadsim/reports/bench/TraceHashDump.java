package offloadsim.reports.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.explore.StrategySpec;
import offloadsim.sim.det.DetSim;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.strategy.Strategy;

/**
 * One line per execution of every catalog cell under the given strategies: seed, trace hash (the replay
 * identity), interleaving and Mazurkiewicz hashes, steps, outcome and a hash of the final state. Two builds
 * that run the same executions print the same lines, so a change meant to be invisible (a speed-up) is
 * checked by diffing this between the builds ({@code .ci/trace-hashes-diff}); like {@link ThroughputProbe},
 * it calls only what older builds have, to run behind their jar.
 *
 * <p>Arguments: executions per cell and strategy, then a comma-separated list of strategies (default random).
 */
public final class TraceHashDump {
    private TraceHashDump() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: TraceHashDump EXECUTIONS [STRATEGY,...]");
            System.exit(2);
        }
        int executions = Integer.parseInt(args[0]);
        String[] strategies = args.length > 1 ? args[1].split(",") : new String[] {"random"};
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        for (Scenario s : ScenarioCatalog.all())
            for (Variant v : Variant.values())
                for (String name : strategies) {
                    Program p = s.program(v);
                    Strategy strategy = StrategySpec.of(name, 3, -1, true).create();
                    for (long seed = 1; seed <= executions; seed++) {
                        if (!strategy.beginExecution(seed)) break;
                        RunResult r = DetSim.run(p, strategy, seed, s.runOptions());
                        out.write(s.name() + ' ' + v.id() + ' ' + name + ' ' + seed + ' ' + r.trace().hash() + ' ' + Long.toHexString(r.trace().interleavingHash()) + ' '
                                + Long.toHexString(r.trace().mazurkiewiczHash()) + ' ' + r.steps() + ' ' + r.outcome().summary() + " final#" + Integer.toHexString(r.finalState().hashCode()) + '\n');
                    }
                }
        out.flush();
    }
}
