package offloadsim.sim.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything needed to replay a run, as plain data: the seed it was found with (informational) and the
 * decision at every scheduling point that had a choice — which task ran, or which value a random draw
 * returned. Replay needs no strategy: the decisions alone reproduce the run.
 *
 * <p>String form {@code v1:<seed hex>:<decisions>}: a task pick is its id in base 36 ({@code 0-9a-z}) or
 * {@code {id}} in decimal above 35; {@code [n]} repeats the previous pick n more times; a data draw is
 * {@code (value base 36)}. Example: {@code v1:2a:0[11]1(1f)0}.
 */
public record Schedule(long seed, List<Decision> decisions) {

    public Schedule {
        decisions = List.copyOf(decisions);
    }

    /** One recorded choice. */
    public sealed interface Decision permits TaskPick, DataPick {}

    /** The task with this id ran next. */
    public record TaskPick(int taskId) implements Decision {}

    /** A random draw returned this value. */
    public record DataPick(int value) implements Decision {}

    public int taskPicks() {
        int n = 0;
        for (Decision d : decisions) if (d instanceof TaskPick) n++;
        return n;
    }

    public Schedule withDecisions(List<Decision> ds) {
        return new Schedule(seed, ds);
    }

    public String encode() {
        StringBuilder sb = new StringBuilder("v1:").append(Long.toHexString(seed)).append(':');
        int i = 0;
        while (i < decisions.size()) {
            Decision d = decisions.get(i);
            if (d instanceof DataPick(int v)) {
                sb.append('(').append(Integer.toString(v, 36)).append(')');
                i++;
                continue;
            }
            int id = ((TaskPick) d).taskId();
            int run = 1;
            while (i + run < decisions.size() && decisions.get(i + run) instanceof TaskPick(int next) && next == id) run++;
            sb.append(id < 36 ? Character.forDigit(id, 36) + "" : "{" + id + "}");
            if (run > 1) sb.append('[').append(run - 1).append(']');
            i += run;
        }
        return sb.toString();
    }

    /** Parses the string form; throws {@link IllegalArgumentException} with a one-line reason. */
    public static Schedule parse(String text) {
        if (text == null) throw new IllegalArgumentException("schedule string is missing");
        String s = text.trim();
        String[] parts = s.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1"))
            throw new IllegalArgumentException("schedule string must look like v1:<seed hex>:<decisions>, got '" + abbreviate(s) + "'");
        long seed;
        try {
            seed = Long.parseUnsignedLong(parts[1], 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("schedule seed '" + parts[1] + "' is not hexadecimal");
        }
        String p = parts[2];
        List<Decision> out = new ArrayList<>();
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '(') {
                int end = p.indexOf(')', i);
                if (end < 0) throw bad(p, i, "unclosed '('");
                out.add(new DataPick(parseInt(p, i + 1, end, 36)));
                i = end + 1;
            } else if (c == '{') {
                int end = p.indexOf('}', i);
                if (end < 0) throw bad(p, i, "unclosed '{'");
                out.add(new TaskPick(parseInt(p, i + 1, end, 10)));
                i = end + 1;
            } else if (c == '[') {
                int end = p.indexOf(']', i);
                if (end < 0) throw bad(p, i, "unclosed '['");
                if (out.isEmpty() || !(out.getLast() instanceof TaskPick last)) throw bad(p, i, "repeat without a task pick before it");
                int n = parseInt(p, i + 1, end, 10);
                if (n > 10_000_000) throw bad(p, i, "repeat count too large");
                out.addAll(Collections.nCopies(n, last));
                i = end + 1;
            } else if (Character.digit(c, 36) >= 0 && !Character.isUpperCase(c)) {
                out.add(new TaskPick(Character.digit(c, 36)));
                i++;
            } else {
                throw bad(p, i, "unexpected character '" + c + "'");
            }
        }
        return new Schedule(seed, out);
    }

    private static int parseInt(String p, int from, int to, int radix) {
        try {
            int v = Integer.parseInt(p.substring(from, to), radix);
            if (v < 0) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw bad(p, from, "'" + p.substring(from, to) + "' is not a number");
        }
    }

    private static IllegalArgumentException bad(String p, int at, String why) {
        return new IllegalArgumentException("malformed schedule at decision offset " + at + ": " + why);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    @Override
    public String toString() {
        return encode();
    }
}
