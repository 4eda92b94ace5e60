package offloadsim.sim.strategy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * PCT (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010): tasks get random distinct priorities
 * when first seen, the highest-priority runnable task always runs, and at d-1 change points chosen
 * uniformly over the estimated run length k the running task drops below every other. A bug of depth d
 * is found with probability at least 1/(n·k^(d-1)) per execution.
 */
public final class Pct implements Strategy {
    private final int depth;
    private final TreeMap<Integer, Long> priority = new TreeMap<>();
    private SplittableRandom random = new SplittableRandom(0);
    private int[] changePoints = new int[0];
    private int nextChange;
    private int estimatedSteps = 100;
    private int longestRun;

    public Pct(int depth) {
        if (depth < 1) throw new IllegalArgumentException("PCT depth must be at least 1");
        this.depth = depth;
    }

    @Override
    public String name() {
        return "pct";
    }

    @Override
    public String describe() {
        return "pct depth=" + depth + " k=" + estimatedSteps;
    }

    @Override
    public boolean beginExecution(long seed) {
        random = new SplittableRandom(seed);
        priority.clear();
        changePoints = new int[depth - 1];
        for (int i = 0; i < changePoints.length; i++) changePoints[i] = random.nextInt(estimatedSteps);
        Arrays.sort(changePoints);
        nextChange = 0;
        return true;
    }

    @Override
    public int pickTask(SchedulingPoint point) {
        for (SchedulingPoint.TaskView t : point.runnable())
            priority.computeIfAbsent(t.id(), id -> depth + (long) random.nextInt(1 << 30));
        while (nextChange < changePoints.length && point.step() >= changePoints[nextChange]) {
            if (point.current() >= 0) priority.put(point.current(), (long) (depth - 1 - nextChange)); // below every initial priority
            nextChange++;
        }
        int best = 0;
        for (int i = 1; i < point.runnable().size(); i++)
            if (priority.get(point.runnable().get(i).id()) > priority.get(point.runnable().get(best).id())) best = i;
        return best;
    }

    @Override
    public int pickInt(int bound, String label) {
        return random.nextInt(bound);
    }

    @Override
    public void afterStep(StepRecord step) {
        longestRun = Math.max(longestRun, step.index() + 1);
    }

    @Override
    public void endExecution(boolean violated) {
        estimatedSteps = Math.max(estimatedSteps, longestRun);
    }
}
