package offloadsim.model.points;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import offloadsim.model.Variant;

/**
 * A registry of declared scheduling points: every label the source can suspend a task at, read from a
 * tab-separated resource that a test regenerates from the source and checks on every build (so the
 * universe of "never reached" cannot drift from the code). {@link #model()} is the model's; the scenarios
 * module keeps one for its harness tasks.
 */
public final class PointRegistry {

    /** The model's registry file (kind, point, declaring class; one a line, sorted). */
    public static final String MODEL_RESOURCE = "/offloadsim/model/points.tsv";

    private static PointRegistry model;

    private final List<DeclaredPoint> declared;
    private final List<Pattern> regexes = new ArrayList<>();
    private final Map<String, DeclaredPoint> exact = new HashMap<>(); // looked up only

    public PointRegistry(List<DeclaredPoint> declared) {
        this.declared = List.copyOf(new TreeSet<>(declared));
        for (DeclaredPoint p : this.declared) {
            regexes.add(p.regex());
            if (!p.isPattern()) exact.putIfAbsent(p.point(), p);
        }
    }

    public static synchronized PointRegistry model() {
        if (model == null) model = load(MODEL_RESOURCE);
        return model;
    }

    /** Reads a registry resource; lines starting with {@code #} and blank lines are comments. */
    public static PointRegistry load(String resource) {
        try (InputStream in = PointRegistry.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("point registry " + resource + " is missing from the classpath");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PointRegistry parse(String text, String source) {
        List<DeclaredPoint> out = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length != 3) throw new IllegalStateException(source + ":" + n + ": expected kind<TAB>point<TAB>class, got: " + line);
            out.add(new DeclaredPoint(f[0], f[1], f[2]));
        }
        return new PointRegistry(out);
    }

    /** Every declaration, sorted by point. */
    public List<DeclaredPoint> declared() {
        return declared;
    }

    /** The text of the registry file: a header, then one sorted line per declaration. */
    public String text(String header) {
        StringBuilder sb = new StringBuilder(header);
        for (DeclaredPoint p : declared) sb.append(p.line()).append('\n');
        return sb.toString();
    }

    /**
     * The declared point a run's label stands for: an exact point, else the matching pattern with the most
     * literal text (so {@code lock timelines_offloaded g1} is {@code lock timelines_offloaded{g}}, not
     * {@code lock timelines{g}}); null if none matches.
     */
    public DeclaredPoint match(String label) {
        DeclaredPoint p = exact.get(label);
        if (p != null) return p;
        DeclaredPoint best = null;
        for (int i = 0; i < declared.size(); i++) {
            DeclaredPoint d = declared.get(i);
            if (!d.isPattern() || !regexes.get(i).matcher(label).matches()) continue;
            if (best == null || d.literalLength() > best.literalLength()) best = d;
        }
        return best;
    }

    /**
     * The points a run of {@code variant} can be suspended at: those declared outside the variant classes, and
     * those declared in a method of the variant's class or of a design it extends that the variant does not
     * override (fix-10305 extends pre-10305 but replaces its offload flow, so pre-10305's {@code is_archived}
     * is no point of the fix); preemption points only when the run is preemptive (otherwise they are not
     * scheduling points).
     */
    public SortedSet<String> universe(Variant variant, boolean preemptive) {
        TreeSet<String> out = new TreeSet<>();
        for (DeclaredPoint p : declared) {
            if (!preemptive && p.kind().equals("preemption")) continue;
            if (appliesTo(p, variant)) out.add(p.point());
        }
        return Collections.unmodifiableSortedSet(out);
    }

    private static boolean appliesTo(DeclaredPoint p, Variant variant) {
        int hash = p.declaredIn().indexOf('#');
        String cls = hash < 0 ? p.declaredIn() : p.declaredIn().substring(0, hash);
        String method = hash < 0 ? null : p.declaredIn().substring(hash + 1);
        Class<?> c;
        try {
            c = Class.forName(cls, false, PointRegistry.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return true; // not a class of this module (a harness registry): not variant-specific
        }
        if (!Variant.class.isAssignableFrom(c)) return true;
        if (!c.isAssignableFrom(variant.getClass())) return false;
        for (Class<?> k = variant.getClass(); k != c; k = k.getSuperclass())
            for (java.lang.reflect.Method m : k.getDeclaredMethods()) if (m.getName().equals(method)) return false; // the variant replaced it
        return true;
    }
}
