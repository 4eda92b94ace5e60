package offloadsim.scenarios;

import java.util.List;
import offloadsim.scenarios.ops.Op;

/** A concurrent actor of a scenario: its name and the ops it runs one after the other. */
public record TaskSpec(String name, List<Op> ops) {
    public TaskSpec {
        ops = List.copyOf(ops);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("task name must not be empty");
    }
}
