package offloadsim.reports.json;

import java.util.List;

/** The matrix report's JSON: every cell with its expectation, finding and exploration figures. */
public record MatrixJson(String schema, String strategy, long firstSeed, long executionsPerCell, boolean allMatch, List<Cell> cells) {

    public record Cell(String scenario, String variant, String expected, String found, boolean matches, ExplorationJson exploration,
                       String story, String swimlaneTraceSchedule) {}
}
