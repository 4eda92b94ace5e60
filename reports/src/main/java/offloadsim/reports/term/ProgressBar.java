package offloadsim.reports.term;

import java.io.PrintStream;
import offloadsim.sim.explore.Explorer;

/** A one-line progress bar on stderr, only when stderr is a terminal and output is not JSON. */
public final class ProgressBar implements Explorer.Progress {
    private final PrintStream err;
    private final String what;
    private final boolean enabled;

    public ProgressBar(PrintStream err, String what, boolean json) {
        this.err = err;
        this.what = what;
        // since JDK 22 System.console() is non-null even when redirected: ask whether it is a terminal
        this.enabled = !json && System.console() != null && System.console().isTerminal();
    }

    @Override
    public void update(long done, long planned, int violations) {
        if (!enabled || planned <= 0) return;
        int width = 30;
        int filled = (int) Math.min(width, done * width / planned);
        err.print("\r" + what + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + planned + (violations > 0 ? "  violations: " + violations : "") + "   ");
        if (done >= planned) err.print("\r" + " ".repeat(what.length() + width + 40) + "\r");
        err.flush();
    }

    public void cell(int index, int total, String label) {
        if (!enabled) return;
        err.print("\r" + what + " " + index + "/" + total + " " + label + " ".repeat(20));
        if (index == total) err.print("\r" + " ".repeat(what.length() + label.length() + 40) + "\r");
        err.flush();
    }
}
