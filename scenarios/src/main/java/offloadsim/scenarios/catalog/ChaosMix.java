package offloadsim.scenarios.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.model.spec.WorldSpec;
import offloadsim.scenarios.TaskSpec;
import offloadsim.scenarios.ops.Op;

/**
 * An operation mix for the chaos scenario: a small timeline tree with archived leaves and a few
 * concurrent actors doing archive, unarchive, branch, delete, endpoint starts, compaction loops and,
 * sometimes, a tenant shutdown or restart. {@link #generate} draws it from any source of choices, so the
 * simulator's seeded draws (replayable) and jqwik's generators (shrinkable) build the same kind of mix.
 */
public record ChaosMix(WorldSpec world, List<TaskSpec> tasks) {

    /** Builds a mix; {@code draw.applyAsInt(n)} must return a value in {@code [0, n)}. */
    public static ChaosMix generate(IntUnaryOperator draw) {
        int n = 2 + draw.applyAsInt(3); // timelines besides main
        List<TimelineSpec> timelines = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        timelines.add(new TimelineSpec("main", null, false, false));
        ids.add("main");
        boolean[] hasChild = new boolean[n + 1];
        int[] parent = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            parent[i] = draw.applyAsInt(i);
            hasChild[parent[i]] = true;
            ids.add("t" + i);
        }
        for (int i = 1; i <= n; i++) {
            // archived only where the real API allows it: leaves (no unarchived children)
            boolean archived = !hasChild[i] && draw.applyAsInt(3) > 0;
            boolean offloaded = archived && draw.applyAsInt(4) == 0;
            timelines.add(new TimelineSpec("t" + i, ids.get(parent[i]), archived, offloaded));
        }
        List<TaskSpec> tasks = new ArrayList<>();
        tasks.add(new TaskSpec("compaction", List.of(new Op.Compaction(1 + draw.applyAsInt(3), 1000))));
        int users = 1 + draw.applyAsInt(2);
        int branches = 0;
        for (int u = 0; u < users; u++) {
            List<Op> ops = new ArrayList<>();
            int count = 2 + draw.applyAsInt(3);
            for (int k = 0; k < count; k++) {
                String t = ids.get(1 + draw.applyAsInt(n));
                ops.add(switch (draw.applyAsInt(6)) {
                    case 0 -> new Op.Archive(t);
                    case 1, 2 -> new Op.Unarchive(t);
                    case 3 -> new Op.Branch(t, "b" + u + "_" + (branches++));
                    case 4 -> new Op.Delete(t);
                    default -> new Op.EndpointStart(t);
                });
            }
            tasks.add(new TaskSpec("user" + (u + 1), ops));
        }
        switch (draw.applyAsInt(4)) {
            case 0 -> tasks.add(new TaskSpec("operator", List.of(new Op.Sleep(draw.applyAsInt(3) * 500L), new Op.ShutdownTenant())));
            case 1 -> tasks.add(new TaskSpec("operator", List.of(new Op.Sleep(draw.applyAsInt(3) * 500L), new Op.Restart())));
            default -> { }
        }
        return new ChaosMix(new WorldSpec(timelines, true, 1 + draw.applyAsInt(3)), tasks);
    }

    /** The mix as scenario-file text (so a failing chaos run can be saved and edited as a file). */
    public String toYaml(String name) {
        StringBuilder sb = new StringBuilder("name: ").append(name).append('\n');
        sb.append("world:\n  offloading: ").append(world.offloadingEnabled()).append("\n  compaction-steps: ").append(world.compactionSteps());
        if (world.compactionUploads() > 0) sb.append("\n  compaction-uploads: ").append(world.compactionUploads());
        sb.append("\n  timelines:\n");
        for (TimelineSpec t : world.timelines()) {
            sb.append("    - {id: ").append(t.id());
            if (t.ancestor() != null) sb.append(", ancestor: ").append(t.ancestor());
            if (t.archived()) sb.append(", archived: true");
            if (t.offloaded()) sb.append(", offloaded: true");
            sb.append("}\n");
        }
        sb.append("tasks:\n");
        for (TaskSpec t : tasks) {
            sb.append("  - name: ").append(t.name()).append("\n    ops:\n");
            for (Op op : t.ops()) sb.append("      - ").append(op.text().contains(":") ? "{" + op.text() + "}" : op.text()).append('\n');
        }
        return sb.toString();
    }
}
