package offloadsim.reports.cli;

import java.util.concurrent.Callable;
import offloadsim.model.Variant;
import offloadsim.model.oracles.OracleNames;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.explore.StrategySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

@Command(name = "list", description = "List scenarios, variants, strategies and oracles.")
final class ListCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var w = spec.commandLine().getOut();
        w.println("scenarios:");
        for (Scenario s : ScenarioCatalog.all()) w.printf("  %-40s %s%n", s.name(), s.description());
        w.println("variants:");
        for (Variant v : Variant.values()) w.printf("  %-40s %s%n", v.id(), v.summary());
        w.println("strategies: " + String.join(", ", StrategySpec.NAMES));
        w.println("oracles:    " + String.join(", ", OracleNames.ALL) + ", exception (a model bug), deadlock, step-budget, time-budget");
        w.flush();
        return 0;
    }
}
