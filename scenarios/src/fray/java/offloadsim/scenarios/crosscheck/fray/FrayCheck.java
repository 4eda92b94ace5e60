package offloadsim.scenarios.crosscheck.fray;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import offloadsim.model.OpResult;
import offloadsim.model.Variant;
import offloadsim.scenarios.crosscheck.Subject;
import offloadsim.scenarios.crosscheck.TenantApi;
import offloadsim.sim.api.Panic;
import offloadsim.sim.jvm.JvmSim;
import org.pastalab.fray.core.TestRunner;
import org.pastalab.fray.core.command.Configuration;
import org.pastalab.fray.core.command.ExecutionInfo;
import org.pastalab.fray.core.command.LambdaExecutor;
import org.pastalab.fray.core.command.NetworkDelegateType;
import org.pastalab.fray.core.command.SystemTimeDelegateType;
import org.pastalab.fray.core.observers.TimelineCoverageType;
import org.pastalab.fray.core.randomness.ControlledRandomProvider;
import org.pastalab.fray.core.scheduler.POSScheduler;
import org.pastalab.fray.core.scheduler.RandomScheduler;
import org.pastalab.fray.core.scheduler.SURWScheduler;
import org.pastalab.fray.core.scheduler.Scheduler;
import org.pastalab.fray.runtime.LivenessException;

/**
 * Fray 0.9.2 on the model's real-thread binding: one compaction iteration and {@code unarchive(t1)} on two real
 * threads over {@code JvmSim(inlineSpawn=true)}, in the world of {@code unarchive-during-compaction}, searched by
 * Fray's schedulers. An execution fails on the #10220 symptom (t1 unarchived, acknowledged, neither offloaded nor
 * Active: stranded Stopping) or on a panic in compaction; this is jcstress's {@code TenantStress} outcome, asserted
 * instead of counted. Shared by the JUnit cross-check (which asserts the verdict) and the Fray rows of
 * {@code ./offload-sim bench} (which time it), so both run exactly the same check.
 *
 * <p>Runs only inside a JVM that Fray prepared (its instrumented JDK plus its agents; {@link #unavailableReason}).
 * Fray's own {@code FrayInTestLauncher} is not used: this class builds the same {@link Configuration} with two
 * changes that the launcher does not allow. Each launch gets its own report directory (Fray deletes the report
 * directory at the start of every run, so with the launcher's shared one a later run erases an earlier failure's
 * recording), and every execution has a step bound.
 *
 * <p>Two watchdogs, because a livelocked Fray execution never returns and Fray checks its own timeout only between
 * executions (peers-notes §1.8.4: PCT spins forever in {@code ConcurrentHashMap.initTable}). The step bound turns a
 * spin that passes through Fray's scheduling points into a failure of that execution ({@link #LIVELOCK}); Fray
 * throws a {@link LivenessException} there and then drops it silently, so the body catches it in every thread it
 * owns ({@link #runThreads}) and in the main thread and fails the execution itself. The stall bound catches a spin
 * that never reaches a scheduling point: the launch runs on its own daemon thread, and when no new execution has
 * started for {@link Budget#stallSeconds} the launch is reported as hung, with the stacks of every thread, and
 * abandoned. The bound is on progress, not on the launch's total time, and Fray's own timeout is switched off
 * ({@link #NO_TIME_LIMIT}): a budget is a number of executions, which a loaded machine makes slower but never
 * smaller.
 */
public final class FrayCheck {

    /** Fray's search strategies used here. PCT is left out: it livelocks on this model (see the class comment). */
    public enum Strategy {
        POS("POS", "partial-order sampling"),
        RANDOM("random", "uniform random pick"),
        SURW("SURW", "selectively uniform random walk");

        private final String label;
        private final String description;

        Strategy(String label, String description) {
            this.label = label;
            this.description = description;
        }

        public String label() {
            return label;
        }

        public String description() {
            return description;
        }

        Scheduler create() {
            return switch (this) {
                case POS -> new POSScheduler();
                case RANDOM -> new RandomScheduler();
                // no no-arg constructor in 0.9.2 (why @FrayTest cannot name it)
                case SURW -> new SURWScheduler(new ControlledRandomProvider().getRandomness());
            };
        }
    }

    /** Message prefix of an execution failed by the step bound. */
    public static final String LIVELOCK = "livelock: ";
    // Compile-time constants: past the step bound even linking a string concatenation (indy bootstrap, which takes
    // JDK locks) reaches a scheduling point and throws again, so the livelock path builds no strings.
    static final String LIVELOCK_IN_THREAD = LIVELOCK + "Fray's step bound was exceeded in a thread of the execution";
    static final String LIVELOCK_IN_MAIN = LIVELOCK + "Fray's step bound was exceeded in the execution's main thread";

    /** Message prefix of a #10220 failure. */
    public static final String BUG_10220 = "#10220: ";
    /** Message prefix of a panic in compaction. */
    public static final String PANIC = "panic in compaction: ";

    /**
     * What one launch did.
     *
     * @param failure     the failing execution's error (null: every execution passed)
     * @param executions  executions run, the failing one included
     * @param micros      wall time of the launch
     * @param timelines   Fray's timeline coverage (distinct resource orderings) at the end
     * @param hung        the wall-clock watchdog fired: the launch never returned (failure says where it hung)
     * @param reportDir   Fray's report directory of this launch (fray.log; recording/ of a failure)
     */
    public record Result(Throwable failure, int executions, long micros, int timelines, boolean hung, Path reportDir) {
        public long millis() {
            return micros / 1000;
        }

        public boolean found10220() {
            return failure != null && String.valueOf(failure.getMessage()).startsWith(BUG_10220);
        }

        public boolean foundPanic() {
            return failure != null && String.valueOf(failure.getMessage()).startsWith(PANIC);
        }

        public boolean livelocked() {
            return hung || failure != null && String.valueOf(failure.getMessage()).startsWith(LIVELOCK);
        }

        public String summary() {
            String what = failure == null ? "clean" : hung ? "hung" : found10220() ? "#10220" : foundPanic() ? "panic" : livelocked() ? "livelock" : "failed";
            return what + " after " + executions + " executions in " + millis() + " ms, " + timelines + " timelines"
                    + (failure == null ? "" : ": " + firstLine(failure));
        }
    }

    /**
     * @param stepBound    scheduling steps per execution before it is failed as a livelock (one #10220 execution takes
     *                     about 650 steps under Fray)
     * @param stallSeconds seconds without a new execution starting (or the launch returning) before the launch is
     *                     abandoned as hung
     */
    public record Budget(int executions, int stepBound, int stallSeconds) {
        public Budget {
            if (executions < 1 || stepBound < 1 || stallSeconds < 1) throw new IllegalArgumentException("budget must be positive: " + executions + ", " + stepBound + ", " + stallSeconds);
        }
    }

    /** The default step bound: 100x a #10220 execution's steps. */
    public static final int STEP_BOUND = 100_000;

    /**
     * The default stall bound. One execution takes 5–40 ms on an idle 2-core machine and about 40 ms at a load average
     * of 40; the first one of a JVM also pays for class loading under Fray's agent, which has taken seconds.
     */
    public static final int STALL_SECONDS = 120;

    /** Fray's own timeout (seconds), off: it would end a launch before its budget of executions on a slow machine. */
    static final int NO_TIME_LIMIT = Integer.MAX_VALUE;

    /** How often the watchdog looks at the launch's progress. */
    private static final long POLL_MILLIS = 100;

    private FrayCheck() {}

    /** Null when this JVM runs on Fray's instrumented JDK with its agent, else why not (one line). */
    public static String unavailableReason() {
        Path release = Path.of(System.getProperty("java.home"), "release");
        try {
            if (!Files.isRegularFile(release) || !Files.readString(release).lines().anyMatch(l -> l.matches("IMPLEMENTOR=\"?Fray\"?")))
                return "this JVM (" + System.getProperty("java.home") + ") is not Fray's instrumented JDK (build it with mvn -B -Pfray verify)";
        } catch (IOException e) {
            return "cannot read " + release + ": " + e.getMessage();
        }
        boolean agent = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(a -> a.contains("fray-instrumentation-agent"));
        return agent ? null : "Fray's JDK runs without its instrumentation agent (-javaagent:fray-instrumentation-agent.jar)";
    }

    /** The #10220 body as a program of real threads: what each Fray execution runs. */
    public static Runnable body(Variant variant) {
        return () -> {
            TenantApi tenant = Subject.MODEL.start(new JvmSim(true, 1, false), variant);
            AtomicReference<OpResult> unarchived = new AtomicReference<>();
            runThreads(Map.of("compaction", tenant::compactionIteration, "user", () -> unarchived.set(tenant.unarchive("t1"))));
            OpResult active = tenant.getTimeline("t1", true);
            OpResult any = tenant.getTimeline("t1", false);
            boolean offloaded = !any.ok() && "NotFound".equals(any.error());
            if (!active.ok() && !offloaded && unarchived.get() != null && unarchived.get().ok())
                throw new AssertionError(BUG_10220 + "unarchive(t1) acknowledged (" + unarchived.get() + "), t1 not offloaded, endpoint start: " + active);
        };
    }

    /**
     * Starts one real thread per entry (in the map's order), joins them all, and fails the execution on what they
     * met: Fray's step bound (in a thread or in the joining main thread) as {@link #LIVELOCK}, a model panic as
     * {@link #PANIC}, anything else as a failed thread.
     */
    public static void runThreads(Map<String, Runnable> ops) {
        // Plain fields only: once Fray's step bound is exceeded, every later scheduling point (an atomic, a lock, a
        // volatile) throws LivenessException again, so recording the failure must not touch one.
        Throwable[] trouble = new Throwable[1];
        List<Thread> threads = new ArrayList<>();
        for (Map.Entry<String, Runnable> op : new TreeMap<>(ops).entrySet()) {
            threads.add(new Thread(() -> {
                try {
                    op.getValue().run();
                } catch (Throwable t) {
                    if (trouble[0] == null || t instanceof LivenessException) trouble[0] = t;
                }
            }, op.getKey()));
        }
        try {
            for (Thread t : threads) t.start();
            for (Thread t : threads) t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Throwable t = trouble[0];
        if (t instanceof LivenessException) throw new AssertionError(LIVELOCK_IN_THREAD, t);
        if (t instanceof Panic p) throw new AssertionError(PANIC + p.getMessage(), p);
        if (t != null) throw new AssertionError("thread failed: " + t, t);
    }

    /** One Fray launch of {@link #body} on {@code variant}; stops at the first failing execution. */
    public static Result run(Variant variant, Strategy strategy, Budget budget, Path reportDir) {
        return launch(body(variant), strategy, budget, reportDir);
    }

    /** A launch the wall-clock watchdog gave up on; Fray's runtime is global, so no launch may start beside it. */
    private static Thread abandoned;

    /** One Fray launch of any body, under both watchdogs. */
    public static synchronized Result launch(Runnable body, Strategy strategy, Budget budget, Path reportDir) {
        if (abandoned != null) {
            try {
                abandoned.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (abandoned.isAlive()) throw new IllegalStateException("an earlier Fray launch hung and still runs (" + abandoned.getName() + "); Fray's runtime is global, so no new launch can start in this JVM");
            abandoned = null;
        }
        Livelock livelock = new Livelock();
        Configuration config = configuration(body, strategy, budget, reportDir, livelock);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Throwable> crashed = new AtomicReference<>();
        long t0 = System.nanoTime();
        Thread launcher = new Thread(() -> {
            try {
                failure.set(new TestRunner(config).run());
            } catch (Throwable t) {
                crashed.set(t);
            }
        }, "fray-launch-" + strategy.label());
        launcher.setDaemon(true); // Fray's execution threads inherit it: an abandoned livelock does not keep the JVM alive
        launcher.start();
        boolean stalled = stalled(launcher, config, budget.stallSeconds());
        long micros = (System.nanoTime() - t0) / 1_000;
        if (stalled) {
            abandoned = launcher;
            AssertionError hung = new AssertionError(LIVELOCK + "Fray " + strategy.label() + " made no progress for " + budget.stallSeconds()
                    + " s (execution " + (config.getCurrentIteration() + 1) + " never finished; Fray checks its timeout only between executions)\n" + stacks());
            return new Result(hung, config.getCurrentIteration() + 1, micros, coverage(config), true, reportDir);
        }
        if (crashed.get() != null) throw new IllegalStateException("Fray itself failed: " + crashed.get(), crashed.get());
        Throwable f = failure.get();
        if (f == null && livelock.message != null)
            return new Result(new AssertionError(livelock.message + " (" + budget.stepBound() + " scheduling steps) in execution " + livelock.execution + "; Fray itself reported it as passed"),
                    livelock.execution, micros, coverage(config), false, reportDir);
        int executions = f == null ? config.getCurrentIteration() : config.getCurrentIteration() + 1;
        return new Result(f, executions, micros, coverage(config), false, reportDir);
    }

    /**
     * Waits for the launch to return; true if it stalled instead: no new execution started for {@code stallSeconds}.
     * Reads Fray's iteration counter from outside the launch (a plain field; a stale read only delays the verdict by
     * a poll).
     */
    private static boolean stalled(Thread launcher, Configuration config, int stallSeconds) {
        long stallNanos = stallSeconds * 1_000_000_000L;
        int seen = config.getCurrentIteration();
        long progress = System.nanoTime();
        try {
            while (true) {
                launcher.join(POLL_MILLIS);
                if (!launcher.isAlive()) return false;
                int now = config.getCurrentIteration();
                if (now != seen) {
                    seen = now;
                    progress = System.nanoTime();
                } else if (System.nanoTime() - progress >= stallNanos) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A livelock seen in one launch. Fray cannot report it itself: past the step bound every scheduling point throws
     * LivenessException again, including the ones inside Fray's own error reporting, so the execution would count as
     * passed. This holder is written with plain field accesses only (no scheduling point), read after the launch, and
     * ends the launch by cutting Fray's iteration budget to the current execution.
     */
    private static final class Livelock {
        Configuration config;
        String message;
        int execution;

        AssertionError seen(String message, Throwable cause) {
            if (this.message == null) {
                this.message = message;
                this.execution = config.getCurrentIteration() + 1;
                config.setIter(config.getCurrentIteration() + 1);
            }
            return new AssertionError(message, cause);
        }
    }

    private static Configuration configuration(Runnable body, Strategy strategy, Budget budget, Path reportDir, Livelock livelock) {
        // FrayInTestLauncher.launchFray's configuration (Fray 0.9.2), but with a step bound and a report directory per launch
        ExecutionInfo info = new ExecutionInfo(new LambdaExecutor(() -> {
            try {
                body.run();
            } catch (LivenessException e) {
                throw livelock.seen(LIVELOCK_IN_MAIN, e);
            } catch (AssertionError e) {
                if (e.getMessage() != null && e.getMessage().startsWith(LIVELOCK)) throw livelock.seen(e.getMessage(), e);
                throw e;
            }
            return kotlin.Unit.INSTANCE;
        }), false, false, budget.stepBound());
        return livelock.config = new Configuration(info, reportDir.toAbsolutePath(), budget.executions(), NO_TIME_LIMIT, strategy.create(), new ControlledRandomProvider(),
                true, false, true, false, false, false, NetworkDelegateType.PROACTIVE, SystemTimeDelegateType.NONE, 100_000L,
                true, true, true, false, false, strategy == Strategy.SURW, TimelineCoverageType.RESOURCE_ORDERING);
    }

    private static int coverage(Configuration config) {
        return config.getTimelineCoverage() == null ? 0 : config.getTimelineCoverage().getCoverage();
    }

    private static String stacks() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (t == Thread.currentThread() || t.getName().startsWith("surefire") || t.getName().equals("Reference Handler")) continue;
            sb.append("  thread \"").append(t.getName()).append("\" ").append(t.getState()).append('\n');
            StackTraceElement[] st = e.getValue();
            for (int i = 0; i < Math.min(st.length, 12); i++) sb.append("    at ").append(st[i]).append('\n');
        }
        return sb.toString();
    }

    static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Empties a directory tree (a launch's report directory before the next launch writes there). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
