package offloadsim.scenarios.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import offloadsim.scenarios.Scenario;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.file.ScenarioFile;
import offloadsim.scenarios.file.ScenarioFileException;

/**
 * The named scenarios shipped with offload-sim: the scenario files embedded under
 * {@code offloadsim/scenarios/} (listed in its index.txt) plus the generated {@code archival-chaos}.
 */
public final class ScenarioCatalog {

    private static final String DIR = "/offloadsim/scenarios/";
    private static final String PORTS = "/offloadsim/neon-ports/";
    private static final List<Scenario> ALL = load();
    private static final List<StaticScenario> NEON_PORTS = loadPorts();

    private ScenarioCatalog() {}

    public static List<Scenario> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    /**
     * Neon's archive tests ported as scenario files with expectations (their own folder, not matrix cells:
     * they judge themselves by their expectations). Found by {@link #byName} too.
     */
    public static List<StaticScenario> neonPorts() {
        return NEON_PORTS;
    }

    /** Looks a scenario (or a Neon port) up by name; throws IllegalArgumentException listing the known names. */
    public static Scenario byName(String name) {
        for (Scenario s : ALL) if (s.name().equals(name)) return s;
        for (Scenario s : NEON_PORTS) if (s.name().equals(name)) return s;
        throw new IllegalArgumentException("unknown scenario '" + name + "' (known: " + String.join(", ", names())
                + "; Neon ports: " + String.join(", ", NEON_PORTS.stream().map(Scenario::name).toList()) + ")");
    }

    /** The embedded files' paths under the class path, catalog then Neon ports (for the schema check). */
    public static List<String> embeddedFiles() {
        List<String> out = new ArrayList<>();
        for (String n : index(DIR)) out.add(DIR + n + ".yaml");
        for (String n : index(PORTS)) out.add(PORTS + n + ".yaml");
        return out;
    }

    private static List<String> index(String dir) {
        return read(dir, "index.txt").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static List<Scenario> load() {
        List<Scenario> out = new ArrayList<>(parseAll(DIR, "catalog:"));
        out.add(new ChaosScenario());
        return Collections.unmodifiableList(out);
    }

    private static List<StaticScenario> loadPorts() {
        return Collections.unmodifiableList(parseAll(PORTS, "neon-ports:"));
    }

    private static List<StaticScenario> parseAll(String dir, String prefix) {
        List<StaticScenario> out = new ArrayList<>();
        for (String name : index(dir)) {
            try {
                out.add(ScenarioFile.parse(prefix + name + ".yaml", read(dir, name + ".yaml")));
            } catch (ScenarioFileException e) {
                throw new IllegalStateException("embedded scenario is broken: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** An embedded resource's text (e.g. "/offloadsim/scenarios/index.txt"). */
    public static String resource(String path) {
        int slash = path.lastIndexOf('/');
        return read(path.substring(0, slash + 1), path.substring(slash + 1));
    }

    private static String read(String dir, String file) {
        try (InputStream in = ScenarioCatalog.class.getResourceAsStream(dir + file)) {
            if (in == null) throw new IllegalStateException("missing embedded resource " + dir + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
