package offloadsim.model.traceability;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every {@code // Rust:} comment in the model cites functions and ranges the checked-in index has. */
class RustTraceabilityTest {

    @Test
    void everyRustCommentMatchesTheIndex() throws Exception {
        JavaRustComments.Result scan = ModelTraceability.scanMain();
        int comments = scan.comments().size() + scan.problems().size();
        assertTrue(comments >= 40, "expected the model's // Rust: comments, found only " + comments + " (is the source root right?)");
        List<String> problems = ModelTraceability.problems();
        if (!problems.isEmpty())
            fail(problems.size() + " `// Rust:` comment(s) disagree with the Rust index (model/src/main/resources/offloadsim/rust-index);"
                    + " the grammar and the rules are in model/README.md, Traceability:\n  " + String.join("\n  ", problems));
    }

    @Test
    void everyMethodThatSchedulesCarriesAComment() throws Exception {
        List<String> uncited = ModelTraceability.scanMain().uncited().stream().filter(u -> ModelTraceability.mirrorsPageserver(u.substring(0, u.indexOf(':')))).toList();
        if (!uncited.isEmpty())
            fail(uncited.size() + " model method(s) yield, preempt, lock, wait or hit a failpoint, so they mirror Rust, but carry no"
                    + " `// Rust:` comment (cite the function, or write `// Rust: none (why)`):\n  " + String.join("\n  ", uncited));
    }
}
