package offloadsim.sim.api;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Joined texts shared by every execution in the JVM. Names of primitives, labels and event texts built from
 * a fixed part and an id ("timelines g1", "lock compaction_lock t1") recur in every execution of a program:
 * joined once, they cost no concatenation afterwards, and since a String keeps its hash, the trace and the
 * coverage recorder hash each of them once per JVM rather than once per execution. The result is always
 * exactly {@code a + b}; only its identity is shared. Thread-safe; bounded (past {@link #LIMIT} first parts, or
 * texts per first part, it joins without keeping), so an open-ended id space cannot grow it without end.
 */
public final class Texts {
    static final int LIMIT = 4096;

    private static final ConcurrentHashMap<String, ConcurrentHashMap<String, String>> BY_STRING = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, ConcurrentHashMap<Long, String>> BY_NUMBER = new ConcurrentHashMap<>();

    private Texts() {}

    /** {@code a + b}. */
    public static String join(String a, String b) {
        return cached(BY_STRING, a, b);
    }

    /** {@code a + n}. */
    public static String join(String a, long n) {
        return cached(BY_NUMBER, a, n);
    }

    /** {@code a + second}, from the table of {@code a}'s joins (made on first use while there is room). */
    private static <K> String cached(ConcurrentHashMap<String, ConcurrentHashMap<K, String>> table, String a, K second) {
        ConcurrentHashMap<K, String> m = table.get(a);
        if (m == null) {
            if (table.size() >= LIMIT) return a + second;
            m = table.computeIfAbsent(a, k -> new ConcurrentHashMap<>());
        }
        String s = m.get(second);
        if (s != null) return s;
        s = a + second;
        if (m.size() < LIMIT) {
            String old = m.putIfAbsent(second, s);
            if (old != null) return old;
        }
        return s;
    }

    /** {@code a + b + c}. */
    public static String join(String a, String b, String c) {
        return join(join(a, b), c);
    }

    /** {@code a + b + c + d}. */
    public static String join(String a, String b, String c, String d) {
        return join(join(join(a, b), c), d);
    }
}
