package offloadsim.reports.html;

import java.util.List;
import offloadsim.sim.explore.RunResult;

/** A failing run ready to show: where it came from, its full-trace replay, segments and story. */
public record Showcase(String scenario, String variant, long seed, RunResult run, List<Segments.Segment> segments, List<String> story, String replay) {}
