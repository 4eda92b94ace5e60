package offloadsim.scenarios.shrink;

import java.util.Map;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.TaskSpec;
import offloadsim.scenarios.expect.AnswerExpectation;
import offloadsim.scenarios.ops.Op;
import offloadsim.sim.api.Failpoints;

/** A scenario as scenario-file text (the format ScenarioFile reads), e.g. to save a shrunk failure. */
public final class ScenarioWriter {
    private ScenarioWriter() {}

    /** @param header comment lines put at the top (without '#'), may be empty */
    public static String toYaml(StaticScenario s, String header) {
        StringBuilder sb = new StringBuilder("# yaml-language-server: $schema=https://offload-sim.dev/schema/scenario.schema.json\n");
        for (String l : header.lines().toList()) sb.append("# ").append(l).append('\n');
        sb.append("name: ").append(s.name()).append('\n');
        if (!s.description().isBlank()) sb.append("description: ").append(quote(s.description())).append('\n');
        sb.append("world:\n  offloading: ").append(s.world().offloadingEnabled()).append("\n  compaction-steps: ").append(s.world().compactionSteps()).append("\n  timelines:\n");
        for (TimelineSpec t : s.world().timelines()) {
            sb.append("    - {id: ").append(t.id());
            if (t.ancestor() != null) sb.append(", ancestor: ").append(t.ancestor());
            if (t.archived()) sb.append(", archived: true");
            if (t.offloaded()) sb.append(", offloaded: true");
            sb.append("}\n");
        }
        if (!s.failpoints().isEmpty()) {
            sb.append("failpoints:\n");
            for (Map.Entry<String, Failpoints.Mode> e : s.failpoints().entrySet()) sb.append("  ").append(e.getKey()).append(": ").append(e.getValue().name().toLowerCase()).append('\n');
        }
        sb.append("tasks:\n");
        for (TaskSpec t : s.tasks()) {
            sb.append("  - name: ").append(t.name()).append("\n    ops:\n");
            for (int i = 0; i < t.ops().size(); i++) sb.append("      - ").append(opLine(t.ops().get(i), t.expect(i))).append('\n');
        }
        if (!s.oracles().isEmpty()) sb.append("oracles: [").append(String.join(", ", s.oracles())).append("]\n");
        sb.append("preemptive: ").append(s.runOptions().preemptive()).append('\n');
        sb.append("max-steps: ").append(s.runOptions().maxSteps()).append('\n');
        if (s.expectFinal() != null) sb.append("expect-final: ").append(s.expectFinal().flow()).append('\n');
        if (s.pinned() != null) sb.append("schedule: ").append(quote(s.pinned().encode())).append('\n');
        return sb.toString();
    }

    /** One op in flow form: "compaction", "{archive: t1}", "{archive: t1, expect: \"Ok\"}". */
    static String opLine(Op op, AnswerExpectation e) {
        String text = op.text();
        int colon = text.indexOf(": ");
        String key = colon < 0 ? text : text.substring(0, colon);
        String arg = colon < 0 ? "null" : text.substring(colon + 2);
        if (op instanceof Op.ExpectState || op instanceof Op.WaitUntil) e = null; // implied
        if (e == null) return colon < 0 ? text : "{" + key + ": " + arg + "}";
        String expect = e.anyOf().size() == 1 ? quote(e.anyOf().getFirst())
                : "[" + String.join(", ", e.anyOf().stream().map(ScenarioWriter::quote).toList()) + "]";
        return "{" + key + ": " + arg + ", expect: " + expect + "}";
    }

    /** A YAML double-quoted scalar (JSON string rules). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
