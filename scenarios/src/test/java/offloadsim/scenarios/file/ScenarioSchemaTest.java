package offloadsim.scenarios.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import offloadsim.model.oracles.OracleNames;
import offloadsim.scenarios.catalog.ScenarioCatalog;
import offloadsim.scenarios.expect.StateExpectation;
import offloadsim.scenarios.expect.TimelineExpectation;
import offloadsim.scenarios.ops.Op;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schema (offloadsim/scenario.schema.json) and the parser agree: the same keys at
 * every level, the same op names and argument keys, the same enumerations; every embedded file
 * validates and carries the yaml-language-server reference; a file either both accept or both reject.
 */
class ScenarioSchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNode SCHEMA_JSON = read(ScenarioCatalog.resource("/offloadsim/scenario.schema.json"));
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SCHEMA_JSON);

    private static JsonNode read(String text) {
        try {
            return YAML.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> keys(JsonNode objectSchema) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = objectSchema.path("properties").fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode def(String name) {
        return SCHEMA_JSON.path("$defs").path(name);
    }

    @Test
    void everyKeyTheParserAcceptsIsInTheSchemaAndViceVersa() {
        assertEquals(new TreeSet<>(ScenarioFile.TOP), keys(SCHEMA_JSON));
        assertEquals(new TreeSet<>(ScenarioFile.WORLD), keys(def("world")));
        assertEquals(new TreeSet<>(ScenarioFile.TIMELINE), keys(def("timeline")));
        assertEquals(new TreeSet<>(ScenarioFile.TASK), keys(def("task")));
        assertEquals(new TreeSet<>(ScenarioFile.STATE), keys(def("state")));
        assertEquals(new TreeSet<>(ScenarioFile.TIMELINE_STATE), keys(def("timeline-state")));
        Set<String> opKeys = keys(def("op").path("oneOf").get(1));
        assertTrue(opKeys.remove(ScenarioFile.EXPECT), "the op mapping has no expect key");
        assertEquals(new TreeSet<>(Op.NAMES), opKeys);
        ScenarioFile.OP_ARGS.forEach((op, args) -> assertEquals(new TreeSet<>(args), keys(def("args-" + op)), op + "'s argument keys"));
        assertEquals(new TreeSet<>(OracleNames.ALL), strings(SCHEMA_JSON.path("properties").path("oracles").path("items").path("enum")));
        assertEquals(new TreeSet<>(StateExpectation.TENANT_STATES), strings(def("state").path("properties").path("tenant").path("enum")));
        assertEquals(new TreeSet<>(TimelineExpectation.MAPS), strings(def("timeline-state").path("properties").path("map").path("enum")));
        assertEquals(new TreeSet<>(TimelineExpectation.STATES), strings(def("timeline-state").path("properties").path("state").path("enum")));
    }

    @Test
    void everyEmbeddedFileValidatesAndReferencesTheSchema() {
        List<String> files = ScenarioCatalog.embeddedFiles();
        assertTrue(files.size() >= 20, "catalog and Neon ports: " + files);
        for (String f : files) {
            String text = ScenarioCatalog.resource(f);
            assertTrue(text.startsWith("# yaml-language-server: $schema=../scenario.schema.json"), f + " does not reference the schema");
            Set<ValidationMessage> errors = SCHEMA.validate(read(text));
            assertTrue(errors.isEmpty(), f + ": " + errors);
        }
    }

    @Test
    void theParserAndTheSchemaRejectTheSameMistakes() {
        String base = """
                name: s
                world: {timelines: [{id: main}, {id: t1, ancestor: main}]}
                tasks:
                  - name: user
                    ops:
                      %s
                """;
        String good = "- {archive: t1, expect: [Ok, HasChildren]}\n      - {wait-until: {timelines: {t1: {map: offloaded}}}}\n      - detach";
        assertTrue(SCHEMA.validate(read(base.formatted(good))).isEmpty());
        assertParses(base.formatted(good));
        for (String bad : List.of("- {archve: t1}", "- {archive: t1, expect: Ok, extra: 1}", "- {expect: Ok}",
                "- {expect-state: {timelines: {t1: {map: elsewhere}}}}", "- {expect-state: {tenant: Sleeping}}",
                "- {expect-state: {attach: maybe}}", "- {archive: t1, expect: []}", "- {branch: {from: main}}",
                "- {await-op: {task: user}}", "- {compaction: {iterations: 0}}")) {
            String file = base.formatted(bad);
            assertFalse(SCHEMA.validate(read(file)).isEmpty(), "the schema accepts " + bad);
            assertThrows(ScenarioFileException.class, () -> ScenarioFile.parse("t.yaml", file), "the parser accepts " + bad);
        }
    }

    private static void assertParses(String text) {
        try {
            ScenarioFile.parse("t.yaml", text);
        } catch (ScenarioFileException e) {
            throw new AssertionError(e.getMessage());
        }
    }
}
