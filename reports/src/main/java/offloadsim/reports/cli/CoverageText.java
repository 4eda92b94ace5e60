package offloadsim.reports.cli;

import java.io.PrintWriter;
import offloadsim.reports.json.CoverageJson;

/** The coverage figures as terminal text: one summary line, or (with --coverage) every list. */
final class CoverageText {
    private CoverageText() {}

    /** "coverage: points 23/40, pairs 41; unreached where the run went: a, b; 12 more in code it never entered". */
    static String line(CoverageJson c) {
        if (c == null) return "coverage: not recorded";
        StringBuilder sb = new StringBuilder("coverage: ").append(c.summary());
        if (!c.unreachedInEnteredFunctions().isEmpty()) sb.append("; unreached in functions it entered: ").append(String.join(", ", c.unreachedInEnteredFunctions()));
        int elsewhere = c.unreached().size() - c.unreachedInEnteredFunctions().size();
        if (elsewhere > 0) sb.append("; ").append(elsewhere).append(" more in functions it never entered");
        if (!c.undeclared().isEmpty()) sb.append("; UNDECLARED labels (registry out of date): ").append(String.join(", ", c.undeclared()));
        return sb.toString();
    }

    /** Every reached point with its count, every interleaved pair, every unreached point; indented. */
    static void details(PrintWriter w, CoverageJson c, String indent) {
        if (c == null) return;
        w.println(indent + "reached (" + c.pointsReached() + " of " + c.pointsDeclared() + ", times suspended there):");
        c.reached().forEach((p, n) -> w.println(indent + "  " + p + "  " + n));
        w.println(indent + "interleaved pairs (" + c.pairCount() + "; a task stood at the first while another ran on from the second):");
        for (CoverageJson.Pair p : c.pairs()) w.println(indent + "  " + p.from() + "  ⇢  " + p.to());
        w.println(indent + "never reached (" + c.unreached().size() + "; * = in a function the run entered):");
        for (String p : c.unreached()) w.println(indent + (c.unreachedInEnteredFunctions().contains(p) ? "* " : "  ") + p);
    }
}
