package offloadsim.scenarios.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.file.ScenarioFile;
import offloadsim.scenarios.file.ScenarioFileException;

/**
 * The named scenarios shipped with offload-sim: the scenario files embedded under
 * {@code offloadsim/scenarios/} (listed in its index.txt) plus the generated {@code archival-chaos}.
 */
public final class ScenarioCatalog {

    private static final String DIR = "/offloadsim/scenarios/";
    private static final List<Scenario> ALL = load();

    private ScenarioCatalog() {}

    public static List<Scenario> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    /** Looks a scenario up by name; throws IllegalArgumentException listing the known names. */
    public static Scenario byName(String name) {
        for (Scenario s : ALL) if (s.name().equals(name)) return s;
        throw new IllegalArgumentException("unknown scenario '" + name + "' (known: " + String.join(", ", names()) + ")");
    }

    private static List<Scenario> load() {
        List<Scenario> out = new ArrayList<>();
        for (String name : read("index.txt").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            try {
                out.add(ScenarioFile.parse("catalog:" + name + ".yaml", read(name + ".yaml")));
            } catch (ScenarioFileException e) {
                throw new IllegalStateException("embedded scenario is broken: " + e.getMessage(), e);
            }
        }
        out.add(new ChaosScenario());
        return Collections.unmodifiableList(out);
    }

    private static String read(String file) {
        try (InputStream in = ScenarioCatalog.class.getResourceAsStream(DIR + file)) {
            if (in == null) throw new IllegalStateException("missing embedded resource " + DIR + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
