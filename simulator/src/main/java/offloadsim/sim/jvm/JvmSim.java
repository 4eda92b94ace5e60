package offloadsim.sim.jvm;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import offloadsim.sim.api.CancellationToken;
import offloadsim.sim.api.FailpointException;
import offloadsim.sim.api.Failpoints;
import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimLatch;
import offloadsim.sim.api.SimMutex;
import offloadsim.sim.api.SimNotify;
import offloadsim.sim.api.SimVar;
import offloadsim.sim.api.TaskHandle;

/**
 * The runtime on real JVM threads and java.util.concurrent primitives, for Lincheck and jcstress: the
 * same model classes run here with the OS (or Lincheck's model checker) choosing the interleaving.
 *
 * <p>With {@code inlineSpawn} a spawned task runs to completion inside {@code spawn} on the caller's
 * thread: an operation then finishes its own background work (uploads) before returning, which is what
 * Lincheck needs (its operations must not wait for another actor). Yield points are no-ops: real threads
 * switch wherever they like.
 */
public final class JvmSim implements Sim {
    private final boolean inlineSpawn;
    private final SplittableRandom random;
    private final JvmFailpoints failpoints = new JvmFailpoints();
    private final long origin = System.nanoTime(); // determinism-ok: real-thread binding
    private final AtomicInteger taskCounter = new AtomicInteger();
    private final boolean recordEvents;
    private final List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    public JvmSim(boolean inlineSpawn, long seed, boolean recordEvents) {
        this.inlineSpawn = inlineSpawn;
        this.random = new SplittableRandom(seed);
        this.recordEvents = recordEvents;
    }

    /** Events recorded so far (when enabled), in the order the threads logged them. */
    public List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public TaskHandle spawn(String name, Runnable body) {
        return start(name, body, false);
    }

    @Override
    public TaskHandle spawnDaemon(String name, Runnable body) {
        return start(name, body, true);
    }

    private TaskHandle start(String name, Runnable body, boolean daemon) {
        JvmTask t = new JvmTask(name + "#" + taskCounter.incrementAndGet(), body);
        if (inlineSpawn) {
            t.run();
        } else {
            Thread th = new Thread(t, t.name); // determinism-ok: the real-thread binding
            th.setDaemon(daemon);
            th.start();
        }
        return t;
    }

    private static final class JvmTask implements Runnable, TaskHandle {
        final String name;
        final Runnable body;
        final CountDownLatch done = new CountDownLatch(1);
        volatile Throwable failure;

        JvmTask(String name, Runnable body) {
            this.name = name;
            this.body = body;
        }

        @Override
        public void run() {
            try {
                body.run();
            } catch (Throwable e) {
                failure = e;
            } finally {
                done.countDown();
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void join() {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while joining " + name, e);
            }
        }

        @Override
        public boolean isDone() {
            return done.getCount() == 0;
        }

        @Override
        public Throwable failure() {
            return failure;
        }
    }

    @Override
    public void yieldPoint(String label) {}

    @Override
    public void preemptionPoint(String label) {}

    @Override
    public SimMutex mutex(String name, boolean async) {
        return new JvmMutex(name, async);
    }

    private static final class JvmMutex implements SimMutex {
        final String name;
        final ReentrantLock lock = new ReentrantLock(true);
        final boolean async;
        volatile String owner;
        volatile boolean poisoned;

        JvmMutex(String name, boolean async) {
            this.name = name;
            this.async = async;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Guard lock() {
            lock.lock();
            if (poisoned) {
                lock.unlock();
                throw SimMutex.poisonError(name);
            }
            return guard();
        }

        @Override
        public Guard tryLock() {
            if (!lock.tryLock()) return null;
            if (poisoned) {
                lock.unlock();
                throw SimMutex.poisonError(name);
            }
            return guard();
        }

        @Override
        public void poison() {
            if (!async) poisoned = true;
        }

        @Override
        public boolean isPoisoned() {
            return poisoned;
        }

        private Guard guard() {
            owner = Thread.currentThread().getName();
            return new Guard() {
                boolean closed;

                @Override
                public void close() {
                    if (closed) throw new IllegalStateException("guard of " + name + " closed twice");
                    closed = true;
                    owner = null;
                    lock.unlock();
                }
            };
        }

        @Override
        public String owner() {
            return owner;
        }

        @Override
        public boolean isHeldByCurrentTask() {
            return lock.isHeldByCurrentThread();
        }
    }

    @Override
    public SimLatch latch(String name) {
        return new JvmLatch(name);
    }

    private static final class JvmLatch implements SimLatch {
        final String name;
        final CountDownLatch latch = new CountDownLatch(1);

        JvmLatch(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void open() {
            latch.countDown();
        }

        @Override
        public boolean isOpen() {
            return latch.getCount() == 0;
        }

        @Override
        public void await(String label) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at " + label, e);
            }
        }

        @Override
        public boolean await(long timeoutNanos, String label) {
            try {
                return timeoutNanos < 0 ? awaitForever(label) : latch.await(timeoutNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at " + label, e);
            }
        }

        private boolean awaitForever(String label) {
            await(label);
            return true;
        }
    }

    @Override
    public SimNotify notify(String name) {
        return new SimNotify() {
            final Semaphore permits = new Semaphore(0);

            @Override
            public String name() {
                return name;
            }

            @Override
            public synchronized void notifyOne() {
                if (permits.availablePermits() == 0) permits.release();
            }

            @Override
            public void notified(String label) {
                permits.acquireUninterruptibly();
            }
        };
    }

    @Override
    public <T> SimVar<T> var(String name, T initial) {
        AtomicReference<T> ref = new AtomicReference<>(initial);
        return new SimVar<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public T get() {
                return ref.get();
            }

            @Override
            public T peek() {
                return ref.get();
            }

            @Override
            public void set(T value) {
                ref.set(value);
            }

            @Override
            public T update(UnaryOperator<T> f) {
                return ref.updateAndGet(f);
            }

            @Override
            public void commute(UnaryOperator<T> f) {
                ref.updateAndGet(f);
            }
        };
    }

    @Override
    public CancellationToken cancellationToken(String name) {
        return new JvmCancellationToken(name);
    }

    private final class JvmCancellationToken implements CancellationToken {
        final String name;
        final JvmLatch latch;
        final List<JvmCancellationToken> children = new java.util.concurrent.CopyOnWriteArrayList<>();

        JvmCancellationToken(String name) {
            this.name = name;
            this.latch = new JvmLatch("cancel " + name);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void cancel() {
            latch.open();
            for (JvmCancellationToken c : children) c.cancel();
        }

        @Override
        public boolean isCancelled() {
            return latch.isOpen();
        }

        @Override
        public void cancelled(String label) {
            latch.await(label);
        }

        @Override
        public CancellationToken child(String childName) {
            JvmCancellationToken c = new JvmCancellationToken(childName);
            children.add(c);
            if (isCancelled()) c.cancel();
            return c;
        }
    }

    @Override
    public long nowNanos() {
        return System.nanoTime() - origin; // determinism-ok: the real-thread binding uses real time
    }

    @Override
    public void sleep(long nanos, String label) {
        if (nanos <= 0) return;
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at " + label, e);
        }
    }

    @Override
    public synchronized int nextInt(int bound, String label) {
        return random.nextInt(bound);
    }

    @Override
    public void failpoint(String name) {
        failpoints.reach(name);
    }

    @Override
    public Failpoints failpoints() {
        return failpoints;
    }

    private final class JvmFailpoints implements Failpoints {
        final Map<String, Mode> modes = new ConcurrentHashMap<>();
        final Map<String, Double> probabilities = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        final Map<String, CountDownLatch> paused = new ConcurrentHashMap<>();
        final Map<String, CountDownLatch> released = new ConcurrentHashMap<>();

        @Override
        public void configure(String name, Mode mode) {
            modes.put(name, mode);
            probabilities.remove(name);
            if (mode == Mode.PAUSE) {
                paused.put(name, new CountDownLatch(1));
                released.put(name, new CountDownLatch(1));
            }
        }

        @Override
        public void failWithProbability(String name, double probability) {
            modes.put(name, Mode.OFF);
            probabilities.put(name, probability);
        }

        @Override
        public Mode mode(String name) {
            return modes.getOrDefault(name, Mode.OFF);
        }

        void reach(String name) {
            hits.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            Mode m = mode(name);
            if (m == Mode.FAIL) throw new FailpointException(name);
            Double p = probabilities.get(name);
            if (m == Mode.OFF && p != null && chance(p, name)) throw new FailpointException(name);
            if (m == Mode.PAUSE) {
                CountDownLatch rel = released.get(name);
                paused.get(name).countDown();
                try {
                    rel.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted at failpoint " + name, e);
                }
            }
        }

        @Override
        public void awaitPaused(String name, String label) {
            CountDownLatch l = paused.get(name);
            if (l == null) throw new IllegalStateException("failpoint " + name + " is not set to pause");
            try {
                l.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at " + label, e);
            }
        }

        @Override
        public void release(String name) {
            modes.put(name, Mode.OFF);
            CountDownLatch rel = released.get(name);
            if (rel != null) rel.countDown();
        }

        @Override
        public int hits(String name) {
            AtomicInteger h = hits.get(name);
            return h == null ? 0 : h.get();
        }

        @Override
        public List<String> names() {
            return modes.keySet().stream().sorted().toList();
        }
    }

    @Override
    public void event(String kind, String detail) {
        if (recordEvents) events.add("[" + currentTaskName() + "] " + kind + ": " + detail);
    }

    @Override
    public String currentTaskName() {
        return Thread.currentThread().getName();
    }
}
