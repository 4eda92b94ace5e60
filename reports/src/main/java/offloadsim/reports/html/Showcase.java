package offloadsim.reports.html;

import java.util.List;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.explore.ReplayCommand;
import offloadsim.model.Variant;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.explore.Shrinker;
import offloadsim.sim.trace.Schedule;

/**
 * A failing run ready to show: where it came from, its shrunk replay at full trace level, segments and
 * story, how much shrinking removed, and the command that replays it.
 */
public record Showcase(String scenario, String variant, long seed, RunResult run, List<Segments.Segment> segments, List<String> story,
                       String replay, String shrinkNote, List<Steps.Step> steps, List<SideBySide.Row> sideBySide) {

    /** Replay budget for shrinking a run shown in a report: enough for every catalog scenario, a few ms each. */
    public static final int SHRINK_ATTEMPTS = 2_000;

    /** Shrinks {@code schedule} (found with {@code seed}) and prepares it for a report; {@code target} names the scenario in replay commands. */
    public static Showcase of(String target, Scenario s, Variant v, long seed, Schedule schedule, boolean fromFile) {
        Shrinker.Result r = Shrinker.shrink(s.program(v), schedule, s.runOptions(), SHRINK_ATTEMPTS);
        RunResult run = r.shrunk();
        var segs = Segments.of(run.trace());
        String note = "shrunk from " + r.original().steps() + " steps / " + r.original().preemptions() + " preemptions to "
                + run.steps() + " steps / " + run.preemptions() + " preemptions (" + r.attempts() + " replays); found with seed " + seed;
        String replay = ReplayCommand.of(target, fromFile, v.id(), run.schedule());
        List<Steps.Step> steps = Steps.capture(s.program(v), run.schedule(), s.runOptions()).steps();
        return new Showcase(target, v.id(), seed, run, segs, Segments.story(segs), replay, note, steps, SideBySide.of(s, run.schedule()));
    }
}
