package offloadsim.scenarios.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Independent explorations (matrix cells, seed slices, parts of a split search) on a few threads, their
 * results handed back in submission order, so that nothing a caller reports depends on the thread count.
 * Each piece of work runs its own deterministic scheduler; only wall time is shared.
 */
public final class InOrder {
    private InOrder() {}

    /** Runs {@code work} on {@code threads} daemon threads; {@code done} sees each result in order as it is ready. */
    public static <T> List<T> run(int threads, String name, List<Callable<T>> work, Consumer<T> done) {
        if (threads < 1) throw new IllegalArgumentException("--jobs must be at least 1, got " + threads);
        List<T> out = new ArrayList<>();
        if (threads == 1) { // on the caller's thread: no pool to set up for the common case
            for (Callable<T> w : work) {
                out.add(call(w));
                done.accept(out.getLast());
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true); // an abandoned piece never keeps the JVM alive
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> w : work) futures.add(pool.submit(w));
            for (Future<T> f : futures) {
                out.add(get(f));
                done.accept(out.getLast());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T call(Callable<T> w) {
        try {
            return w.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
