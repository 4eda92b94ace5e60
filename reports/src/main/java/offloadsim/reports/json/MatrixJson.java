package offloadsim.reports.json;

import java.util.List;

/** The matrix report's JSON: every cell with its expectation, finding and exploration figures. */
public record MatrixJson(String schema, String strategy, long firstSeed, long executionsPerCell, boolean allMatch, List<Cell> cells) {

    /**
     * @param completeness the exhaustive pass on a cell the sample found clean (null if not run)
     * @param space        complete | bounded | sampled
     * @param coverage     what the sample and the completeness pass together covered (the explorations inside a cell
     *                     leave theirs out, to keep the report small)
     */
    public record Cell(String scenario, String variant, String expected, String found, boolean matches, ExplorationJson exploration,
                       ExplorationJson completeness, String space, String story, String swimlaneTraceSchedule, CoverageJson coverage) {

        /** A cell without coverage figures (as written before them). */
        public Cell(String scenario, String variant, String expected, String found, boolean matches, ExplorationJson exploration,
                    ExplorationJson completeness, String space, String story, String swimlaneTraceSchedule) {
            this(scenario, variant, expected, found, matches, exploration, completeness, space, story, swimlaneTraceSchedule, null);
        }
    }
}
