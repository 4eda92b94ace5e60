package offloadsim.scenarios;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import offloadsim.scenarios.expect.AnswerExpectation;
import offloadsim.scenarios.ops.Op;

/**
 * A concurrent actor of a scenario: its name, the ops it runs one after the other, and per op the answer
 * it must give (null: any answer).
 */
public record TaskSpec(String name, List<Op> ops, List<AnswerExpectation> expects) {
    public TaskSpec {
        ops = List.copyOf(ops);
        if (name == null || name.isBlank()) throw new IllegalArgumentException("task name must not be empty");
        if (expects.size() != ops.size()) throw new IllegalArgumentException("task " + name + ": one expectation slot per op");
        expects = Collections.unmodifiableList(new ArrayList<>(expects)); // null entries allowed
    }

    /** A task without expectations. */
    public TaskSpec(String name, List<Op> ops) {
        this(name, ops, Collections.nCopies(ops.size(), null));
    }

    /** The expectation of op {@code i}, or null. */
    public AnswerExpectation expect(int i) {
        return expects.get(i);
    }
}
