package offloadsim.scenarios.expect;

import java.util.List;
import offloadsim.model.OpResult;

/**
 * What an operation must answer: {@code Ok}, an error name, {@code Err} (any error), or one of several
 * where the interleaving legitimately decides. An error name matches the answer's error exactly or as its
 * variant name: {@code NotActive} matches {@code NotActive(Stopping)}.
 *
 * @param anyOf the accepted answers, at least one
 */
public record AnswerExpectation(List<String> anyOf) {

    public static final String OK = "Ok";
    public static final String ANY_ERROR = "Err";
    public static final AnswerExpectation MUST_SUCCEED = new AnswerExpectation(List.of(OK));

    public AnswerExpectation {
        anyOf = List.copyOf(anyOf);
        if (anyOf.isEmpty()) throw new IllegalArgumentException("an expectation needs at least one answer");
    }

    public boolean matches(OpResult r) {
        for (String a : anyOf) {
            if (a.equals(OK) ? r.ok() : !r.ok() && (a.equals(ANY_ERROR) || r.error().equals(a) || r.error().startsWith(a + "("))) return true;
        }
        return false;
    }

    /** The answer as an expectation would name it: Ok, or the error. */
    public static String answerOf(OpResult r) {
        return r.ok() ? OK : r.error();
    }

    /** "Ok", "HasChildren" or "one of Ok, AlreadyInProgress". */
    public String text() {
        return anyOf.size() == 1 ? anyOf.getFirst() : "one of " + String.join(", ", anyOf);
    }
}
