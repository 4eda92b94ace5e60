package offloadsim.scenarios.crosscheck.lincheck;

import java.util.Objects;

/**
 * What a facade operation answered, as Lincheck compares it: only {@link #value} takes part in equality
 * (what a user can rely on: "Ok", "Unavailable", "Err(X)"); {@link #why} carries the model's raw answer so
 * a failure report says e.g. {@code Unavailable[NotActive state: Stopping]}.
 */
public final class Answer {
    public static final Answer OK = new Answer("Ok", null);
    public static final Answer UNAVAILABLE = new Answer("Unavailable", null);

    private final String value;
    private final String why;

    public Answer(String value, String why) {
        this.value = Objects.requireNonNull(value);
        this.why = why;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Answer a && a.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return why == null ? value : value + "[" + why + "]";
    }
}
