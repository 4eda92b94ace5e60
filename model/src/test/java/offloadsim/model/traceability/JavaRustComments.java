package offloadsim.model.traceability;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Finds the {@code // Rust:} comments in Java sources and the method each belongs to. javac's own parser
 * gives the methods' extents: a comment inside a method's extent belongs to the innermost such method
 * (a step of it); otherwise to the next member of its class, which must be a method, with nothing but
 * blank lines, other comments and annotations in between. A long comment continues on the lines right
 * under it that start with {@code //} and at least two spaces. Comments in any other form that mention
 * {@code Rust:} (javadoc, block comments, after code on the same line) are reported, not read.
 */
final class JavaRustComments {
    private JavaRustComments() {}

    /**
     * @param uncited methods that schedule (yield, preempt, lock, await, hit a failpoint) but carry no
     *                {@code // Rust:} comment above them, as {@code file:line (Class.method)}
     */
    record Result(List<RustComment> comments, List<String> problems, List<String> uncited) {}

    /** A call that only code mirroring the Rust makes: a scheduling point, a lock, a wait, a failpoint. */
    private static final Pattern SCHEDULES = Pattern.compile("\\.(yieldPoint|preemptionPoint|failpoint|lock|await|notified)\\(");

    private static final Pattern LINE_COMMENT = Pattern.compile("^\\s*//\\s*Rust:(.*)$");
    /** A continuation: {@code //} and at least two spaces, right under a {@code // Rust:} line or another continuation. */
    private static final Pattern CONTINUATION = Pattern.compile("^\\s*//\\s{2,}(\\S.*)$");
    private static final Pattern OTHER_FORM = Pattern.compile("(^\\s*(/\\*\\*?|\\*)\\s*Rust:)|(\\S.*//\\s*Rust:)");

    /** Every {@code .java} under {@code root}; {@code base} makes the reported paths relative. */
    static Result scan(Path base, Path root) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList())
                sources.put(base.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
        }
        return scanSources(sources);
    }

    /** Compilation units given as name → text, parsed by one javac task. */
    static Result scanSources(Map<String, String> sources) {
        Map<String, List<Member>> members = members(sources);
        List<RustComment> comments = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (var e : sources.entrySet()) scanSource(e.getKey(), e.getValue(), members.get(e.getKey()), comments, problems);
        List<String> uncited = new ArrayList<>();
        for (var e : sources.entrySet()) {
            for (Member m : members.get(e.getKey())) {
                if (!m.method() || m.body() < 0 || !SCHEDULES.matcher(e.getValue().substring((int) m.body(), (int) m.end())).find()) continue;
                boolean cited = comments.stream().anyMatch(c -> c.source().equals(e.getKey()) && c.owner().equals(m.label()) && !c.inBody());
                if (!cited) uncited.add(e.getKey() + ":" + lineOf(e.getValue(), m.start()) + " (" + m.label() + ")");
            }
        }
        return new Result(comments, problems, uncited);
    }

    private static void scanSource(String name, String source, List<Member> members, List<RustComment> comments, List<String> problems) {
        long[] lineStarts = lineStarts(source);
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            Matcher m = LINE_COMMENT.matcher(lines[i]);
            if (!m.matches()) {
                if (OTHER_FORM.matcher(lines[i]).find())
                    problems.add(name + ":" + lineNo + ": a Rust: citation must be a `// Rust:` line comment on its own line (found: " + lines[i].strip() + ")");
                continue;
            }
            long pos = lineStarts[i];
            Member owner = null;
            for (Member mem : members)
                if (mem.method() && mem.start() <= pos && pos < mem.end() && (owner == null || mem.start() >= owner.start())) owner = mem;
            boolean inBody = owner != null && owner.body() >= 0 && owner.body() <= pos;
            if (owner == null) {
                Member next = null;
                for (Member mem : members) if (mem.start() > pos && (next == null || mem.start() < next.start())) next = mem;
                if (next == null || !next.method() || !onlyTrivia(source, (int) lineStarts[Math.min(i + 1, lines.length - 1)], (int) next.start())) {
                    problems.add(name + ":" + lineNo + ": this `// Rust:` comment is neither inside a method nor directly above one");
                    continue;
                }
                owner = next;
            }
            StringBuilder text = new StringBuilder(m.group(1).strip());
            for (int k = i + 1; k < lines.length; k++) {
                Matcher c = CONTINUATION.matcher(lines[k]);
                if (!c.matches()) break;
                text.append(' ').append(c.group(1).strip());
            }
            try {
                comments.add(RustCommentParser.parse(name, lineNo, owner.label(), inBody, text.toString()));
            } catch (RustCommentParser.ParseException e) {
                problems.add(name + ":" + lineNo + " (" + owner.label() + "): " + e.getMessage());
            }
        }
    }

    /** A class member; for a method, {@code body} is where its body starts (-1 for none). */
    private record Member(String label, boolean method, long start, long body, long end) {}

    private static Map<String, List<Member>> members(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> files = new ArrayList<>();
        for (var e : sources.entrySet()) {
            files.add(new SimpleJavaFileObject(URI.create("string:///" + e.getKey()), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return e.getValue();
                }
            });
        }
        JavacTask task = (JavacTask) javac.getTask(null, null, d -> {}, List.of("-proc:none"), null, files);
        SourcePositions pos = Trees.instance(task).getSourcePositions();
        Map<String, List<Member>> byFile = new LinkedHashMap<>();
        try {
            for (CompilationUnitTree cu : task.parse()) {
                List<Member> out = new ArrayList<>();
                byFile.put(cu.getSourceFile().toUri().getPath().substring(1), out);
                new TreePathScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree c, String outer) {
                        String cls = c.getSimpleName().toString();
                        String label = outer == null || outer.isEmpty() ? cls : cls.isEmpty() ? outer : outer + "." + cls;
                        for (Tree m : c.getMembers()) {
                            long s = pos.getStartPosition(cu, m), e = pos.getEndPosition(cu, m);
                            if (m instanceof MethodTree mt) {
                                String n = mt.getName().contentEquals("<init>") ? cls : mt.getName().toString();
                                out.add(new Member(label + "." + n, true, s, mt.getBody() == null ? -1 : pos.getStartPosition(cu, mt.getBody()), e));
                            } else {
                                out.add(new Member(label, false, s, -1, e));
                            }
                        }
                        return super.visitClass(c, label);
                    }
                }.scan(cu, null);
            }
        } catch (IOException e) {
            throw new IllegalStateException("javac could not parse the sources", e);
        }
        return byFile;
    }

    /** True when {@code source[from, to)} holds only whitespace, comments and annotations. */
    private static boolean onlyTrivia(String source, int from, int to) {
        if (from >= to) return true;
        String s = source.substring(from, to)
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("(?m)//.*$", "")
                .replaceAll("@[A-Za-z_][\\w.]*(\\([^)]*\\))?", "");
        return s.isBlank();
    }

    private static int lineOf(String source, long pos) {
        int line = 1;
        for (int i = 0; i < pos; i++) if (source.charAt(i) == '\n') line++;
        return line;
    }

    private static long[] lineStarts(String source) {
        List<Long> starts = new ArrayList<>();
        starts.add(0L);
        for (int i = 0; i < source.length(); i++) if (source.charAt(i) == '\n') starts.add((long) i + 1);
        long[] a = new long[starts.size()];
        for (int i = 0; i < a.length; i++) a[i] = starts.get(i);
        return a;
    }

}
