package offloadsim.scenarios.findings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import offloadsim.model.Variant;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.trace.Schedule;

/**
 * The replay commands of FINDINGS.md and what the text says each one shows. A command is a line
 * {@code ./offload-sim replay --scenario S --variant V --schedule '…'} in a fenced block; the line right above
 * the fence is a marker {@code <!-- replay-expects: oracle=O steps=N preemptions=M message="…" -->} (invisible
 * when the Markdown is rendered) stating the oracle, the run's length and a part of the violation's message,
 * as the story around it tells them.
 */
final class FindingsDoc {
    private FindingsDoc() {}

    /** One command with the outcome its marker states; {@code line} is 1-based, for messages. */
    record Replay(int line, String scenario, String variant, String schedule, String oracle, int steps, int preemptions, String message) {
        String command() {
            return "./offload-sim replay --scenario " + scenario + " --variant " + variant + " --schedule '" + schedule + "'";
        }
    }

    /** The replays, and every line where a command or a marker could not be paired or read. */
    record Parsed(List<Replay> replays, List<String> problems) {}

    private static final Pattern COMMAND = Pattern.compile("\\./offload-sim replay (.*)$");
    private static final Pattern SCHEDULE = Pattern.compile("--schedule '([^']*)'");
    private static final Pattern SCENARIO = Pattern.compile("--scenario (\\S+)");
    private static final Pattern VARIANT = Pattern.compile("--variant (\\S+)");
    private static final Pattern SEED = Pattern.compile("--seed (\\S+)");
    private static final Pattern MARKER = Pattern.compile(
            "^<!-- replay-expects: oracle=(\\S+) steps=(\\d+) preemptions=(\\d+) message=\"([^\"]+)\" -->$");

    /** FINDINGS.md at the repository root (surefire runs in the module directory and sets basedir to it). */
    static Path locate() {
        Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path f = d.resolve("FINDINGS.md");
            if (Files.isRegularFile(f)) return f;
        }
        throw new IllegalStateException("FINDINGS.md not found in " + dir + " or above");
    }

    static Parsed parse(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    static Parsed parse(List<String> lines) {
        List<Replay> replays = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Integer> markersUsed = new ArrayList<>();
        boolean inFence = false;
        int fenceStart = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("```")) {
                inFence = !inFence;
                if (inFence) fenceStart = i;
                continue;
            }
            Matcher c = COMMAND.matcher(l);
            if (!c.find()) continue;
            String args = c.group(1);
            Matcher seed = SEED.matcher(args);
            Matcher schedule = SCHEDULE.matcher(args);
            if (!schedule.find()) {
                // "--seed N" in prose names the command's shape; a concrete seed would need a marker too.
                if (seed.find() && seed.group(1).chars().allMatch(Character::isDigit))
                    problems.add("line " + (i + 1) + ": a replay by seed; give the shrunk schedule instead: " + l);
                continue;
            }
            int at = i + 1;
            if (!inFence) {
                problems.add("line " + at + ": a replay command outside a fenced block (the marker goes right above the fence): " + l);
                continue;
            }
            Matcher sc = SCENARIO.matcher(args);
            Matcher va = VARIANT.matcher(args);
            if (!sc.find() || !va.find()) {
                problems.add("line " + at + ": a replay command without --scenario and --variant: " + l);
                continue;
            }
            int markerLine = fenceStart - 1;
            Matcher m = markerLine >= 0 ? MARKER.matcher(lines.get(markerLine).strip()) : null;
            if (m == null || !m.matches()) {
                problems.add("line " + at + ": no replay-expects marker on the line above its fence (line " + (markerLine + 1) + "): " + l);
                continue;
            }
            markersUsed.add(markerLine);
            replays.add(new Replay(at, sc.group(1), va.group(1), schedule.group(1), m.group(1),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4)));
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("<!-- replay-expects") && !markersUsed.contains(i))
                problems.add("line " + (i + 1) + ": a replay-expects marker that no replay command follows, or that does not parse: " + l);
        }
        return new Parsed(replays, problems);
    }

    /**
     * Replays the command as {@code offload-sim replay} does (ReplayCli: the catalog scenario, the registry's
     * variant, {@link Explorer#replay} with the scenario's run options) and lists every way the run differs
     * from what the marker states; empty when the document is right.
     */
    static List<String> check(Replay r) {
        List<String> problems = new ArrayList<>();
        Scenario s;
        Variant v;
        Schedule schedule;
        try {
            s = ScenarioCatalog.byName(r.scenario());
            v = Variant.byId(r.variant());
            schedule = Schedule.parse(r.schedule());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return problems;
        }
        RunResult run = Explorer.replay(s.program(v), schedule, s.runOptions());
        if (!run.outcome().isFailure()) {
            problems.add("the run ends " + run.outcome().summary() + ", not in " + r.oracle());
            return problems;
        }
        if (!r.oracle().equals(run.outcome().oracle()))
            problems.add("oracle " + run.outcome().oracle() + ", the text says " + r.oracle() + " (" + run.outcome().summary() + ")");
        if (!run.outcome().summary().contains(r.message()))
            problems.add("the outcome '" + run.outcome().summary() + "' does not contain '" + r.message() + "'");
        if (run.steps() != r.steps() || run.preemptions() != r.preemptions())
            problems.add(run.steps() + " steps, " + run.preemptions() + " preemptions; the text says " + r.steps() + " steps, " + r.preemptions() + " preemptions");
        String replayed = run.schedule().encode();
        if (!replayed.equals(r.schedule()))
            problems.add("the run takes the schedule '" + replayed + "', not the one written (the schedule is stale or has decisions past the end of the run)");
        return problems;
    }
}
