package offloadsim.sim.det;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import offloadsim.sim.api.FailpointException;
import offloadsim.sim.api.Failpoints;

/**
 * Failpoints of one deterministic run. A sorted map keeps every listing in a stable order.
 *
 * <p>Footprints: a point's object holds its configuration (mode, probability, the latches of the current
 * arming): configure, failWithProbability and release write it; reaching the point, mode() and
 * awaitPaused read it. The hit counter is an object of its own that a reach <em>updates</em> (a commuting
 * increment the reaching task never reads back) and hits() reads. Independence of two reaches of one
 * point by different tasks: both only read the configuration, their increments give the same count in
 * either order, and on a paused point only the first opens the {@code paused} latch (a write) while the
 * later ones find it open (a read, see {@link DetLatch#open}); each then waits on {@code released}
 * (a read). So any two reaches after the first commute, and every reach commutes with the awaits of an
 * already-paused point.
 */
final class DetFailpoints implements Failpoints {

    private final DetSim sim;
    private final TreeMap<String, Point> points = new TreeMap<>();

    private final class Point {
        final String name;
        final int object;
        final int hitsObject;
        Mode mode = Mode.OFF;
        double probability;
        int hits;
        DetLatch paused;
        DetLatch released;

        int arms;

        Point(String name) {
            this.name = name;
            this.object = sim.namedObject("failpoint " + name);
            this.hitsObject = hitsObject(name);
        }

        void arm() {
            arms++;
            paused = new DetLatch(sim, "failpoint " + name + " paused", sim.namedObject("failpoint " + name + " paused " + arms));
            released = new DetLatch(sim, "failpoint " + name + " released", sim.namedObject("failpoint " + name + " released " + arms));
        }
    }

    DetFailpoints(DetSim sim) {
        this.sim = sim;
    }

    private int hitsObject(String name) {
        return sim.namedObject("failpoint " + name + " hits");
    }

    private Point point(String name) {
        return points.computeIfAbsent(name, Point::new);
    }

    @Override
    public void configure(String name, Mode mode) {
        Point p = point(name);
        sim.footprint().write(p.object);
        p.mode = mode;
        p.probability = 0;
        if (mode == Mode.PAUSE) p.arm();
    }

    @Override
    public void failWithProbability(String name, double probability) {
        if (probability < 0 || probability > 1) throw new IllegalArgumentException("probability must be within [0,1]: " + probability);
        Point p = point(name);
        sim.footprint().write(p.object);
        p.mode = Mode.OFF;
        p.probability = probability;
    }

    @Override
    public Mode mode(String name) {
        Point p = point(name);
        sim.footprint().read(p.object);
        return p.mode;
    }

    void reach(String name) {
        Point p = point(name);
        sim.footprint().read(p.object);
        sim.footprint().update(p.hitsObject);
        p.hits++;
        switch (p.mode) {
            case OFF -> {
                if (p.probability > 0 && sim.chance(p.probability, "failpoint " + name)) {
                    sim.event("failpoint", name + " fails");
                    throw new FailpointException(name);
                }
            }
            case FAIL -> {
                sim.event("failpoint", name + " fails");
                throw new FailpointException(name);
            }
            case PAUSE -> {
                sim.event("failpoint", name + " pauses");
                DetLatch released = p.released;
                p.paused.open();
                released.await("failpoint " + name);
                sim.event("failpoint", name + " resumes");
            }
        }
    }

    @Override
    public void awaitPaused(String name, String label) {
        Point p = point(name);
        sim.footprint().read(p.object);
        if (p.mode != Mode.PAUSE) throw new IllegalStateException("failpoint " + name + " is not set to pause");
        p.paused.await(label);
    }

    @Override
    public void release(String name) {
        Point p = point(name);
        sim.footprint().write(p.object);
        if (p.mode == Mode.PAUSE) p.released.open();
        p.mode = Mode.OFF;
        sim.event("failpoint", name + " released");
    }

    @Override
    public int hits(String name) {
        sim.footprint().read(hitsObject(name)); // the count depends on every reach so far, even before the first
        Point p = points.get(name);
        return p == null ? 0 : p.hits;
    }

    @Override
    public List<String> names() {
        return new ArrayList<>(points.keySet());
    }
}
