package offloadsim.scenarios.findings;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Removes the model's ids from a message, label or task name so that a fingerprint names the shape of a
 * race, not the world it was found in: timelines of the initial tree ({@code t3}) become {@code t*},
 * branches created during the run ({@code b0_1}) {@code b*}, generations {@code g*}, actors
 * ({@code user2}) {@code user*}, and any other number {@code #} (an issue number after '#' stays). {@code main} stays: it is the root of every
 * tree, a position, not an id.
 */
public final class IdScrubber implements UnaryOperator<String> {

    public static final IdScrubber INSTANCE = new IdScrubber();

    private static final Pattern BRANCH = Pattern.compile("\\bb\\d+_\\d+\\b");
    private static final Pattern TIMELINE = Pattern.compile("\\bt\\d+\\b");
    private static final Pattern GENERATION = Pattern.compile("\\bg\\d+\\b");
    private static final Pattern ACTOR = Pattern.compile("\\b(user|operator)\\d+\\b");
    /**
     * What a panic under a std mutex adds (the mutex is poisoned, the tenant wedged): a consequence the
     * model reports for every such panic, not part of the race's shape, so one race keeps one class whichever
     * lock it happened to hold.
     */
    private static final Pattern POISONED = Pattern.compile("\\s*\\[panicked holding std mutex[^\\]]*\\]");
    private static final Pattern NUMBER = Pattern.compile("(?<![#\\d])\\d+");

    private IdScrubber() {}

    @Override
    public String apply(String s) {
        if (s == null) return "";
        String out = POISONED.matcher(s).replaceAll("");
        out = BRANCH.matcher(out).replaceAll("b*");
        out = TIMELINE.matcher(out).replaceAll("t*");
        out = GENERATION.matcher(out).replaceAll("g*");
        out = ACTOR.matcher(out).replaceAll("$1*");
        return NUMBER.matcher(out).replaceAll("#");
    }
}
