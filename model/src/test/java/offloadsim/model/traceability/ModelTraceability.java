package offloadsim.model.traceability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The model module's sources, its Rust index and the rules they are checked by. */
final class ModelTraceability {
    private ModelTraceability() {}

    /** pre and fix: every piece of shared model code stands for both. */
    static final List<String> SHARED_COMMITS = List.of("49756a0d01", "6149ac8834");

    static final String REGENERATE = "mvn -o -q -B -pl model -am test -Dtest=TraceabilityTableTest -Dtraceability.write=true -Dsurefire.failIfNoSpecifiedTests=false";

    static Path module() {
        return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    }

    static Path readme() {
        return module().resolve("README.md");
    }

    private static JavaRustComments.Result scanned;

    /** The model's main sources, parsed once per test JVM (javac's start-up is most of the cost). */
    static synchronized JavaRustComments.Result scanMain() throws IOException {
        if (scanned == null) scanned = JavaRustComments.scan(module(), module().resolve("src/main/java"));
        return scanned;
    }

    static RustIndex index() throws IOException {
        return RustIndex.load(module().resolve("src/main/resources/offloadsim/rust-index"), module().resolve("src/test/resources/rust-index/files.txt"));
    }

    /** The designs of offloadsim.model.variants each model one commit. */
    static boolean singleDesign(String source) {
        return source.contains("/offloadsim/model/variants/");
    }

    /**
     * The sources that mirror pageserver code, so whose scheduling methods must cite it: the tenant,
     * timeline, remote and variants packages, apart from the simulated object store they talk to.
     */
    static boolean mirrorsPageserver(String source) {
        return source.matches(".*/offloadsim/model/(tenant|timeline|remote|variants)/.*") && !source.endsWith("/remote/RemoteStorage.java");
    }

    static List<String> problems() throws IOException {
        JavaRustComments.Result scan = scanMain();
        List<String> problems = new ArrayList<>(scan.problems());
        problems.addAll(new TraceabilityChecker(index(), SHARED_COMMITS, ModelTraceability::singleDesign).check(scan.comments()));
        return problems;
    }
}
