package offloadsim.scenarios.points;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import offloadsim.model.points.DeclaredPoint;

/**
 * Derives the declared scheduling points from Java source: every call of the runtime API that can suspend a
 * task at a label ({@code yieldPoint}, {@code preemptionPoint}, {@code failpoint}, {@code sleep}, latch
 * {@code await}, {@code notified}, gate {@code close}, {@code awaitPaused}; {@code mutex(name, true)} and {@code spawn},
 * whose names become the labels of a blocked lock and of a join; a synchronous mutex cannot block a task in the
 * deterministic runtime, which never lets a task yield holding one), and every call of a method of the scanned
 * source that forwards a {@code String label} parameter (found from its declaration, so a new helper needs
 * no list to be updated). A label is read from its argument: string literals, concatenations (a non-literal
 * term becomes {@code {term}}) and {@code c ? a : b} (both). An argument that is a bare identifier is a
 * forwarded label (its callers are scanned instead); anything else is an error, so no point goes unseen.
 */
final class PointScanner {

    /** A runtime API call: its name, the index of its label argument (-1: the last), the argument count it must have (0: any), kind, prefix. */
    private record Api(String method, int labelArg, int arity, String kind, String prefix) {}

    private static final List<Api> API = List.of(
            new Api("yieldPoint", 0, 1, "yield", ""),
            new Api("preemptionPoint", 0, 1, "preemption", ""),
            new Api("failpoint", 0, 1, "failpoint", "failpoint "),
            new Api("sleep", 1, 2, "wait", ""),
            new Api("await", -1, 0, "wait", ""),
            new Api("notified", 0, 1, "wait", ""),
            new Api("close", 0, 1, "wait", ""),
            new Api("awaitPaused", 1, 2, "wait", ""),
            new Api("mutex", 0, 2, "lock", "lock "),
            new Api("spawn", 0, 2, "join", "join "));

    private static final Pattern CALL = Pattern.compile("(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*\\(");
    private static final Pattern DECL_PARAMS = Pattern.compile("(?<![\\w$.])([A-Za-z_$][\\w$]*)\\s*\\(([^()]*)\\)\\s*(throws\\s[\\w.,\\s]+)?\\{");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_$][\\w$.]*(\\(\\))?");
    private static final Pattern TYPED_PARAM = Pattern.compile("(final\\s+)?[\\w$.<>\\[\\]]+\\s+[A-Za-z_$][\\w$]*");

    /** A call whose label could not be read. */
    record Unreadable(String file, String method, String argument) {}

    final List<DeclaredPoint> points = new ArrayList<>();
    final List<Unreadable> unreadable = new ArrayList<>();

    /** Scans every {@code .java} file under {@code root}; a file's class name is its path below {@code root}. */
    static PointScanner scan(Path root) {
        PointScanner s = new PointScanner();
        Map<Path, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) sources.put(p, stripComments(Files.readString(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> helpers = new TreeMap<>();
        for (String src : sources.values()) s.findHelpers(src, helpers);
        for (var e : sources.entrySet()) {
            String cls = root.relativize(e.getKey()).toString().replace('/', '.').replaceAll("\\.java$", "");
            s.scanFile(cls, e.getValue(), helpers, methods(e.getValue()));
        }
        return s;
    }

    /** Methods with a {@code String label} parameter, by name: the index of that parameter. */
    private void findHelpers(String src, Map<String, Integer> helpers) {
        Matcher m = DECL_PARAMS.matcher(src);
        while (m.find()) {
            List<String> params = splitArgs(m.group(2));
            for (int i = 0; i < params.size(); i++) if (params.get(i).trim().matches("(final\\s+)?String\\s+label")) helpers.put(m.group(1), i);
        }
    }

    /** A method's name and the span of its body. */
    private record Method(String name, int from, int to) {}

    private static final java.util.Set<String> NOT_METHODS = java.util.Set.of("if", "for", "while", "switch", "catch", "synchronized", "try", "return", "new", "else");

    /** Every method (and constructor) body of the source: a name, its parameters, then a brace (not a control statement, not {@code new X() {}}). */
    private static List<Method> methods(String src) {
        List<Method> out = new ArrayList<>();
        Matcher m = DECL_PARAMS.matcher(src);
        while (m.find()) {
            if (NOT_METHODS.contains(m.group(1)) || src.substring(Math.max(0, m.start() - 4), m.start()).equals("new ")) continue;
            int open = m.end() - 1, depth = 0, end = -1;
            for (int i = open; i < src.length() && end < 0; i++) {
                char x = src.charAt(i);
                if (x == '"' || x == '\'') {
                    int j = i + 1;
                    while (j < src.length() && src.charAt(j) != x) j += src.charAt(j) == '\\' ? 2 : 1;
                    i = j;
                } else if (x == '{') depth++;
                else if (x == '}' && --depth == 0) end = i;
            }
            if (end > 0) out.add(new Method(m.group(1), open, end));
        }
        return out;
    }

    /** The innermost method whose body holds {@code at}. */
    private static String enclosing(List<Method> methods, int at) {
        Method best = null;
        for (Method m : methods) if (m.from < at && at < m.to && (best == null || m.from > best.from)) best = m;
        return best == null ? "<init>" : best.name;
    }

    private void scanFile(String cls, String src, Map<String, Integer> helpers, List<Method> methods) {
        Matcher m = CALL.matcher(src);
        while (m.find()) {
            String name = m.group(1);
            int open = m.end() - 1;
            int close = matching(src, open);
            if (close < 0) continue;
            List<String> args = splitArgs(src.substring(open + 1, close));
            Api api = null;
            for (Api a : API) if (a.method.equals(name) && (a.arity == 0 || a.arity == args.size())) api = a;
            int idx;
            String kind, prefix;
            if (api != null) {
                idx = api.labelArg < 0 ? args.size() - 1 : api.labelArg;
                kind = api.kind;
                prefix = api.prefix;
            } else if (helpers.containsKey(name)) {
                idx = helpers.get(name);
                kind = "wait";
                prefix = "";
            } else {
                continue;
            }
            if (idx < 0 || idx >= args.size()) continue;
            // a synchronous (std) mutex is never held across a yield, so no task ever finds it held: only an async
            // one (tokio's, whose lock() is an .await) is a point
            if (api != null && api.method.equals("mutex") && !args.get(1).trim().equals("true")) continue;
            String arg = args.get(idx).trim();
            if (IDENT.matcher(arg).matches() || TYPED_PARAM.matcher(arg).matches()) continue; // forwarded, or a declaration's parameter
            List<String> labels = evaluate(arg);
            if (labels == null) {
                unreadable.add(new Unreadable(cls, name, arg));
                continue;
            }
            for (String l : labels) points.add(new DeclaredPoint(kind, prefix + l, cls + "#" + enclosing(methods, m.start())));
        }
    }

    /** The labels an argument can take, or null when it is not made of literals, concatenations and one ternary. */
    static List<String> evaluate(String expr) {
        expr = expr.trim();
        while (expr.startsWith("(") && matching(expr, 0) == expr.length() - 1) expr = expr.substring(1, expr.length() - 1).trim();
        int q = topLevel(expr, '?');
        if (q >= 0) {
            int c = topLevel(expr.substring(q + 1), ':');
            if (c < 0) return null;
            List<String> a = evaluate(expr.substring(q + 1, q + 1 + c)), b = evaluate(expr.substring(q + 2 + c));
            if (a == null || b == null) return null;
            List<String> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }
        StringBuilder sb = new StringBuilder();
        boolean literal = false;
        for (String term : splitTop(expr, '+')) {
            term = term.trim();
            if (term.startsWith("\"") && term.endsWith("\"") && term.length() >= 2) {
                sb.append(unescape(term.substring(1, term.length() - 1)));
                literal = true;
            } else if (!term.isEmpty() && !term.contains("\"")) {
                sb.append('{').append(term).append('}');
            } else {
                return null;
            }
        }
        return literal ? List.of(sb.toString()) : null;
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static int topLevel(String s, char c) {
        int depth = 0;
        boolean str = false;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (str) {
                if (x == '\\') i++;
                else if (x == '"') str = false;
            } else if (x == '"') str = true;
            else if (x == '(' || x == '[' || x == '{') depth++;
            else if (x == ')' || x == ']' || x == '}') depth--;
            else if (x == c && depth == 0) return i;
        }
        return -1;
    }

    private static List<String> splitTop(String s, char sep) {
        List<String> out = new ArrayList<>();
        int at;
        while ((at = topLevel(s, sep)) >= 0) {
            out.add(s.substring(0, at));
            s = s.substring(at + 1);
        }
        out.add(s);
        return out;
    }

    static List<String> splitArgs(String s) {
        if (s.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        int depth = 0, from = 0;
        boolean str = false, chr = false;
        for (int i = 0; i < s.length(); i++) {
            char x = s.charAt(i);
            if (str || chr) {
                if (x == '\\') i++;
                else if (str && x == '"') str = false;
                else if (chr && x == '\'') chr = false;
            } else if (x == '"') str = true;
            else if (x == '\'') chr = true;
            else if (x == '(' || x == '[' || x == '{') depth++;
            else if (x == ')' || x == ']' || x == '}') depth--;
            else if (x == ',' && depth == 0) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    /** The index of the parenthesis that closes the one at {@code open}, skipping literals; -1 if none. */
    private static int matching(String s, int open) {
        int depth = 0;
        boolean str = false, chr = false;
        for (int i = open; i < s.length(); i++) {
            char x = s.charAt(i);
            if (str || chr) {
                if (x == '\\') i++;
                else if (str && x == '"') str = false;
                else if (chr && x == '\'') chr = false;
            } else if (x == '"') str = true;
            else if (x == '\'') chr = true;
            else if (x == '(') depth++;
            else if (x == ')' && --depth == 0) return i;
        }
        return -1;
    }

    /** Source without comments; string and char literals kept as they are. Text blocks are kept whole (they are never labels). */
    static String stripComments(String src) {
        StringBuilder sb = new StringBuilder(src.length());
        int n = src.length();
        for (int i = 0; i < n; i++) {
            char c = src.charAt(i);
            if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                sb.append(src, i, end);
                i = end - 1;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c) j += src.charAt(j) == '\\' ? 2 : 1;
                sb.append(src, i, Math.min(j + 1, n));
                i = j;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') i++;
                sb.append('\n');
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
                sb.append(' ');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The scanned points, deduplicated and sorted. */
    List<DeclaredPoint> declared() {
        return List.copyOf(new TreeSet<>(points));
    }
}
