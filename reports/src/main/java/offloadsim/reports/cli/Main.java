package offloadsim.reports.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import offloadsim.scenarios.file.ScenarioFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** ./offload-sim — exit 0 as expected / no violation, 1 violation or mismatch, 2 bad usage or input. */
// scope INHERIT gives every subcommand --help/-h and --version too (help must work without the required options)
@Command(name = "offload-sim", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "offload-sim 0.1.0",
        description = "Deterministic simulation of the Neon pageserver timeline-offload races (#10220 / PR #10305).",
        subcommands = {MatrixCommand.class, ExploreCommand.class, ReplayCli.class, ShrinkCommand.class, ReportCommand.class, ListCommand.class, MergeCommand.class, FindingsCommand.class, SweepCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command line and returns its exit code (tests call this directly). */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("offload-sim: " + ex.getMessage().lines().findFirst().orElse("bad usage"));
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof ScenarioFileException || ex instanceof java.io.UncheckedIOException) {
                err.println("offload-sim: " + ex.getMessage().lines().findFirst().orElse(ex.getClass().getSimpleName()));
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "missing command (matrix, explore, sweep, replay, shrink, report, list, merge, findings, bench; see --help)");
    }
}
