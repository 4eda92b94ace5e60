package offloadsim.scenarios.file;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import offloadsim.model.oracles.OracleNames;
import offloadsim.model.spec.TimelineSpec;
import offloadsim.model.spec.WorldSpec;
import offloadsim.scenarios.StaticScenario;
import offloadsim.scenarios.TaskSpec;
import offloadsim.scenarios.expect.AnswerExpectation;
import offloadsim.scenarios.expect.StateExpectation;
import offloadsim.scenarios.expect.TimelineExpectation;
import offloadsim.scenarios.ops.Op;
import offloadsim.sim.api.Failpoints;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.trace.Schedule;
import offloadsim.sim.trace.Trace;

/**
 * Reads scenario files (YAML, or JSON which is YAML too). The format is documented in README.md; every
 * problem is reported as one line naming the file, the field path and what is wrong.
 */
public final class ScenarioFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The keys each level accepts (the JSON Schema in scenario.schema.json is kept in step by a test). */
    public static final Set<String> TOP = Set.of("name", "description", "world", "failpoints", "tasks", "oracles", "preemptive", "max-steps",
            "expect-final", "schedule");
    public static final Set<String> WORLD = Set.of("offloading", "compaction-steps", "compaction-uploads", "timelines", "nonexistent");
    public static final Set<String> TIMELINE = Set.of("id", "ancestor", "archived", "offloaded");
    public static final Set<String> TASK = Set.of("name", "ops");
    /** The key an op mapping may carry besides its operation. */
    public static final String EXPECT = "expect";
    public static final Set<String> STATE = Set.of("tenant", "timelines", "attach");
    public static final Set<String> TIMELINE_STATE = Set.of("map", "state", "archived");
    /** Each op's argument keys, for ops whose argument is a mapping. */
    public static final Map<String, Set<String>> OP_ARGS = Map.of(
            "unarchive-retry", Set.of("timeline", "attempts"),
            "compaction", Set.of("iterations", "period-ms"),
            "branch", Set.of("from", "new"),
            "await-op", Set.of("task", "op"));

    private final String source;

    private ScenarioFile(String source) {
        this.source = source;
    }

    public static StaticScenario load(Path path) throws ScenarioFileException {
        String text;
        try {
            text = Utf8Text.read(path);
        } catch (NoSuchFileException e) {
            throw new ScenarioFileException(path.toString(), "", "no such file");
        } catch (Utf8Text.NotUtf8Exception e) {
            throw new ScenarioFileException(path.toString(), "", e.getMessage());
        } catch (IOException e) {
            throw new ScenarioFileException(path.toString(), "", "cannot be read (" + e.getMessage() + ")");
        }
        return parse(path.toString(), text);
    }

    public static StaticScenario parse(String source, String text) throws ScenarioFileException {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            String msg = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
            var loc = e.getLocation();
            throw new ScenarioFileException(source, "", "not valid YAML/JSON" + (loc != null ? " at line " + loc.getLineNr() : "") + ": " + msg);
        } catch (IOException e) {
            throw new ScenarioFileException(source, "", "cannot be parsed (" + e.getMessage() + ")");
        }
        return new ScenarioFile(source).scenario(root);
    }

    private StaticScenario scenario(JsonNode root) throws ScenarioFileException {
        if (root == null || !root.isObject()) throw fail("", "must be a mapping with name, world and tasks");
        onlyKnown(root, "", TOP);
        String name = requiredText(root, "name");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) throw fail("name", "'" + name + "' must be lower-case letters, digits and dashes");
        String description = root.has("description") ? text(root.get("description"), "description") : "";
        WorldSpec world = world(required(root, "world"));
        Set<String> ids = new LinkedHashSet<>();
        world.timelines().forEach(t -> ids.add(t.id()));
        ids.addAll(nonexistent(root.get("world"), ids));

        Map<String, Failpoints.Mode> fps = new LinkedHashMap<>();
        if (root.has("failpoints")) {
            JsonNode f = root.get("failpoints");
            if (!f.isObject()) throw fail("failpoints", "must map failpoint names to pause, fail or off");
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                var e = it.next();
                String v = text(e.getValue(), "failpoints." + e.getKey());
                Failpoints.Mode mode = switch (v) {
                    case "pause" -> Failpoints.Mode.PAUSE;
                    case "fail" -> Failpoints.Mode.FAIL;
                    case "off" -> Failpoints.Mode.OFF;
                    default -> throw fail("failpoints." + e.getKey(), "'" + v + "' is not one of pause, fail, off");
                };
                fps.put(e.getKey(), mode);
            }
        }

        JsonNode tasksNode = required(root, "tasks");
        if (!tasksNode.isArray() || tasksNode.isEmpty()) throw fail("tasks", "must be a non-empty list of {name, ops}");
        Set<String> known = new LinkedHashSet<>(ids);
        collectCreatedTimelines(tasksNode, known);
        Map<String, Integer> opCounts = new LinkedHashMap<>();
        for (JsonNode t : tasksNode)
            if (t.isObject() && t.path("name").isTextual() && t.path("ops").isArray()) opCounts.putIfAbsent(t.get("name").asText(), t.get("ops").size());
        List<TaskSpec> tasks = new ArrayList<>();
        Set<String> taskNames = new LinkedHashSet<>();
        for (int i = 0; i < tasksNode.size(); i++) {
            String at = "tasks[" + i + "]";
            JsonNode t = tasksNode.get(i);
            if (!t.isObject()) throw fail(at, "must be a mapping with name and ops");
            onlyKnown(t, at, TASK);
            String tn = requiredText(t, at + ".name", t.get("name"));
            if (!taskNames.add(tn)) throw fail(at + ".name", "task '" + tn + "' is defined twice");
            JsonNode opsNode = t.get("ops");
            if (opsNode == null || !opsNode.isArray() || opsNode.isEmpty()) throw fail(at + ".ops", "must be a non-empty list of operations");
            List<Op> ops = new ArrayList<>();
            List<AnswerExpectation> expects = new ArrayList<>();
            for (int j = 0; j < opsNode.size(); j++) {
                String opAt = at + ".ops[" + j + "]";
                JsonNode opNode = opsNode.get(j);
                JsonNode expectNode = opNode.isObject() ? opNode.get(EXPECT) : null;
                Op op = op(opNode, opAt, known, fps.keySet());
                if (op instanceof Op.AwaitOp(String task, int index)) checkAwaitOp(opAt + ".await-op", tn, j, task, index, opCounts);
                AnswerExpectation e = null;
                if (expectNode != null) {
                    if (!op.answers()) throw fail(opAt + "." + EXPECT, "'" + op.text() + "' gives no answer, so it takes no expectation");
                    e = answerExpectation(expectNode, opAt + "." + EXPECT);
                }
                if (op instanceof Op.ExpectState || op instanceof Op.WaitUntil) {
                    if (e != null) throw fail(opAt + "." + EXPECT, "'" + op.text().split(":")[0] + "' always expects Ok; give no expect");
                    e = AnswerExpectation.MUST_SUCCEED;
                }
                ops.add(op);
                expects.add(e);
            }
            tasks.add(new TaskSpec(tn, ops, expects));
        }

        Set<String> oracles = new LinkedHashSet<>();
        if (root.has("oracles")) {
            JsonNode o = root.get("oracles");
            if (!o.isArray()) throw fail("oracles", "must be a list of oracle names");
            for (int i = 0; i < o.size(); i++) {
                String on = text(o.get(i), "oracles[" + i + "]");
                if (!OracleNames.ALL.contains(on))
                    throw fail("oracles[" + i + "]", "unknown oracle '" + on + "' (known: " + String.join(", ", OracleNames.ALL) + ")");
                oracles.add(on);
            }
        }
        boolean preemptive = !root.has("preemptive") || bool(root.get("preemptive"), "preemptive");
        int maxSteps = root.has("max-steps") ? positiveInt(root.get("max-steps"), "max-steps") : RunOptions.DEFAULT_MAX_STEPS;
        StateExpectation expectFinal = root.has("expect-final") ? state(root.get("expect-final"), "expect-final", known) : null;
        Schedule pinned = null;
        if (root.has("schedule")) {
            try {
                pinned = Schedule.parse(text(root.get("schedule"), "schedule"));
            } catch (IllegalArgumentException e) {
                throw fail("schedule", e.getMessage());
            }
        }
        return new StaticScenario(name, description, world, tasks, fps, oracles, new RunOptions(maxSteps, preemptive, Trace.Level.HASH_ONLY),
                expectFinal, pinned);
    }

    private WorldSpec world(JsonNode w) throws ScenarioFileException {
        if (!w.isObject()) throw fail("world", "must be a mapping with timelines");
        onlyKnown(w, "world", WORLD);
        boolean offloading = !w.has("offloading") || bool(w.get("offloading"), "world.offloading");
        int steps = w.has("compaction-steps") ? nonNegativeInt(w.get("compaction-steps"), "world.compaction-steps") : 2;
        int uploads = w.has("compaction-uploads") ? nonNegativeInt(w.get("compaction-uploads"), "world.compaction-uploads") : 0;
        JsonNode tl = required(w, "timelines", "world.timelines");
        if (!tl.isArray() || tl.isEmpty()) throw fail("world.timelines", "must be a non-empty list of {id, ancestor, archived, offloaded}");
        List<TimelineSpec> timelines = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < tl.size(); i++) {
            String at = "world.timelines[" + i + "]";
            JsonNode t = tl.get(i);
            if (!t.isObject()) throw fail(at, "must be a mapping with id");
            onlyKnown(t, at, TIMELINE);
            String id = requiredText(t, at + ".id", t.get("id"));
            String ancestor = t.has("ancestor") && !t.get("ancestor").isNull() ? text(t.get("ancestor"), at + ".ancestor") : null;
            boolean archived = t.has("archived") && bool(t.get("archived"), at + ".archived");
            boolean offloaded = t.has("offloaded") && bool(t.get("offloaded"), at + ".offloaded");
            if (!seen.add(id)) throw fail(at + ".id", "timeline '" + id + "' is listed twice");
            if (offloaded && !archived) throw fail(at + ".offloaded", "timeline '" + id + "' is offloaded but not archived");
            timelines.add(new TimelineSpec(id, ancestor, archived, offloaded));
        }
        for (int i = 0; i < timelines.size(); i++) {
            String a = timelines.get(i).ancestor();
            if (a != null && !seen.contains(a)) throw fail("world.timelines[" + i + "].ancestor", "unknown timeline '" + a + "'");
            if (a != null && a.equals(timelines.get(i).id())) throw fail("world.timelines[" + i + "].ancestor", "a timeline cannot be its own ancestor");
        }
        String impossible = WorldSpec.impossibility(timelines);
        if (impossible != null) throw fail("world.timelines", "impossible world: " + impossible);
        return new WorldSpec(timelines, offloading, steps, uploads);
    }

    private Op op(JsonNode n, String at, Set<String> timelines, Set<String> failpoints) throws ScenarioFileException {
        String kind;
        JsonNode arg;
        if (n.isTextual()) {
            kind = n.asText();
            arg = null;
        } else if (n.isObject() && (n.size() == 1 || n.size() == 2 && n.has(EXPECT)) && !(n.size() == 1 && n.has(EXPECT))) {
            var e = n.fields().next();
            if (e.getKey().equals(EXPECT)) {
                var it = n.fields();
                it.next();
                e = it.next();
            }
            kind = e.getKey();
            arg = e.getValue().isNull() ? null : e.getValue(); // {restart: null, expect: Ok}: no argument
        } else {
            throw fail(at, "must be an operation name or a mapping of one operation (and optionally expect), like {unarchive: t1, expect: Ok}");
        }
        return switch (kind) {
            case "archive" -> new Op.Archive(timelineArg(arg, at + ".archive", timelines));
            case "unarchive" -> new Op.Unarchive(timelineArg(arg, at + ".unarchive", timelines));
            case "delete" -> new Op.Delete(timelineArg(arg, at + ".delete", timelines));
            case "endpoint-start" -> new Op.EndpointStart(timelineArg(arg, at + ".endpoint-start", timelines));
            case "unarchive-retry" -> {
                if (arg == null || !arg.isObject()) throw fail(at + ".unarchive-retry", "needs {timeline: ID, attempts: N}");
                onlyKnown(arg, at + ".unarchive-retry", OP_ARGS.get("unarchive-retry"));
                String t = timelineArg(arg.get("timeline"), at + ".unarchive-retry.timeline", timelines);
                int attempts = arg.has("attempts") ? positiveInt(arg.get("attempts"), at + ".unarchive-retry.attempts") : 3;
                yield new Op.UnarchiveRetry(t, attempts);
            }
            case "compaction" -> {
                if (arg == null) yield new Op.Compaction(1, 1000);
                if (arg.isInt()) yield new Op.Compaction(positiveInt(arg, at + ".compaction"), 1000);
                if (!arg.isObject()) throw fail(at + ".compaction", "needs nothing, a number of iterations, or {iterations: N, period-ms: M}");
                onlyKnown(arg, at + ".compaction", OP_ARGS.get("compaction"));
                int it = arg.has("iterations") ? positiveInt(arg.get("iterations"), at + ".compaction.iterations") : 1;
                long period = arg.has("period-ms") ? nonNegativeInt(arg.get("period-ms"), at + ".compaction.period-ms") : 1000;
                yield new Op.Compaction(it, period);
            }
            case "branch" -> {
                if (arg == null || !arg.isObject()) throw fail(at + ".branch", "needs {from: PARENT, new: CHILD}");
                onlyKnown(arg, at + ".branch", OP_ARGS.get("branch"));
                String from = timelineArg(arg.get("from"), at + ".branch.from", timelines);
                JsonNode c = arg.get("new");
                if (c == null || !c.isTextual() || c.asText().isBlank()) throw fail(at + ".branch.new", "needs the new timeline's id");
                yield new Op.Branch(from, c.asText());
            }
            case "create" -> new Op.Create(timelineArg(arg, at + ".create", timelines));
            case "offload" -> new Op.Offload(timelineArg(arg, at + ".offload", timelines));
            case "get-timeline" -> new Op.GetTimeline(timelineArg(arg, at + ".get-timeline", timelines));
            case "expect-state" -> new Op.ExpectState(state(arg, at + ".expect-state", timelines));
            case "wait-until" -> new Op.WaitUntil(state(arg, at + ".wait-until", timelines));
            case "await-op" -> {
                if (arg == null || !arg.isObject()) throw fail(at + ".await-op", "needs {task: NAME, op: INDEX}");
                onlyKnown(arg, at + ".await-op", OP_ARGS.get("await-op"));
                JsonNode task = arg.get("task");
                if (task == null || !task.isTextual() || task.asText().isBlank()) throw fail(at + ".await-op.task", "needs a task name");
                JsonNode index = arg.get("op");
                if (index == null) throw fail(at + ".await-op.op", "needs the index of the op in that task's ops (0 is the first)");
                yield new Op.AwaitOp(task.asText(), nonNegativeInt(index, at + ".await-op.op"));
            }
            case "shutdown" -> noArg(new Op.ShutdownTenant(), arg, at, kind);
            case "restart" -> noArg(new Op.Restart(), arg, at, kind);
            case "detach" -> noArg(new Op.Detach(), arg, at, kind);
            case "attach" -> noArg(new Op.Attach(), arg, at, kind);
            case "await-paused", "release" -> {
                if (arg == null || !arg.isTextual()) throw fail(at + "." + kind, "needs a failpoint name");
                if (!failpoints.contains(arg.asText()))
                    throw fail(at + "." + kind, "failpoint '" + arg.asText() + "' is not configured under failpoints");
                yield kind.equals("release") ? new Op.Release(arg.asText()) : new Op.AwaitPaused(arg.asText());
            }
            case "sleep-ms" -> {
                if (arg == null) throw fail(at + ".sleep-ms", "needs a number of virtual milliseconds");
                yield new Op.Sleep(nonNegativeInt(arg, at + ".sleep-ms"));
            }
            default -> throw fail(at, "unknown operation '" + kind + "' (known: " + String.join(", ", Op.NAMES) + ")");
        };
    }

    private Op noArg(Op op, JsonNode arg, String at, String kind) throws ScenarioFileException {
        if (arg != null && !arg.isNull()) throw fail(at + "." + kind, "takes no argument");
        return op;
    }

    /** A timeline argument must name a timeline of the world or one a branch op of the file creates. */
    private String timelineArg(JsonNode arg, String field, Set<String> timelines) throws ScenarioFileException {
        if (arg == null || !arg.isTextual() || arg.asText().isBlank()) throw fail(field, "needs a timeline id");
        if (!timelines.contains(arg.asText()))
            throw fail(field, "unknown timeline '" + arg.asText() + "' (the world has " + String.join(", ", timelines) + ")");
        return arg.asText();
    }

    /** Ids that branch and create ops of the file make, so other ops may name them. */
    private static void collectCreatedTimelines(JsonNode tasks, Set<String> into) {
        for (JsonNode t : tasks) {
            JsonNode ops = t.get("ops");
            if (ops == null || !ops.isArray()) continue;
            for (JsonNode op : ops) {
                JsonNode b = op.isObject() ? op.get("branch") : null;
                if (b != null && b.isObject() && b.has("new") && b.get("new").isTextual()) into.add(b.get("new").asText());
                JsonNode c = op.isObject() ? op.get("create") : null;
                if (c != null && c.isTextual() && !c.asText().isBlank()) into.add(c.asText());
            }
        }
    }

    /** world.nonexistent: ids that name no timeline, so that a call can be expected to answer NotFound. */
    private List<String> nonexistent(JsonNode w, Set<String> ids) throws ScenarioFileException {
        List<String> out = new ArrayList<>();
        if (!w.has("nonexistent")) return out;
        JsonNode n = w.get("nonexistent");
        if (!n.isArray()) throw fail("world.nonexistent", "must be a list of timeline ids that do not exist");
        for (int i = 0; i < n.size(); i++) {
            String id = text(n.get(i), "world.nonexistent[" + i + "]");
            if (ids.contains(id)) throw fail("world.nonexistent[" + i + "]", "timeline '" + id + "' is in world.timelines");
            out.add(id);
        }
        return out;
    }

    private void checkAwaitOp(String field, String self, int selfIndex, String task, int index, Map<String, Integer> opCounts) throws ScenarioFileException {
        Integer n = opCounts.get(task);
        if (n == null) throw fail(field + ".task", "unknown task '" + task + "' (tasks: " + String.join(", ", opCounts.keySet()) + ")");
        if (index >= n) throw fail(field + ".op", "task '" + task + "' has " + n + " ops (0 to " + (n - 1) + ")");
        if (task.equals(self) && index >= selfIndex) throw fail(field, "a task cannot wait for its own op " + index + " (it would wait forever)");
    }

    /** {@code Ok}, an error name, {@code Err}, or a list of them (one of). */
    private AnswerExpectation answerExpectation(JsonNode n, String field) throws ScenarioFileException {
        List<String> answers = new ArrayList<>();
        if (n.isTextual()) answers.add(n.asText());
        else if (n.isArray() && !n.isEmpty()) for (int i = 0; i < n.size(); i++) answers.add(text(n.get(i), field + "[" + i + "]"));
        else throw fail(field, "must be Ok, an error name (e.g. NotFound), Err, or a list of them (one of)");
        for (String a : answers) if (a.isBlank()) throw fail(field, "an answer must not be empty");
        return new AnswerExpectation(answers);
    }

    /** {tenant: STATE, timelines: {ID: {map, state, archived}}, attach: succeeds|fails}. */
    private StateExpectation state(JsonNode n, String field, Set<String> known) throws ScenarioFileException {
        if (n == null || !n.isObject() || n.isEmpty()) throw fail(field, "needs a mapping with tenant, timelines and/or attach");
        onlyKnown(n, field, STATE);
        String tenant = null;
        if (n.has("tenant")) {
            tenant = text(n.get("tenant"), field + ".tenant");
            if (!StateExpectation.TENANT_STATES.contains(tenant))
                throw fail(field + ".tenant", "'" + tenant + "' is not one of " + String.join(", ", StateExpectation.TENANT_STATES));
        }
        Map<String, TimelineExpectation> tls = new LinkedHashMap<>();
        if (n.has("timelines")) {
            JsonNode t = n.get("timelines");
            if (!t.isObject() || t.isEmpty()) throw fail(field + ".timelines", "must map timeline ids to {map, state, archived}");
            for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
                var e = it.next();
                String at = field + ".timelines." + e.getKey();
                if (!known.contains(e.getKey())) throw fail(at, "unknown timeline '" + e.getKey() + "' (the world has " + String.join(", ", known) + ")");
                JsonNode v = e.getValue();
                if (!v.isObject() || v.isEmpty()) throw fail(at, "needs {map: timelines|offloaded|none, state: ..., archived: true|false}");
                onlyKnown(v, at, TIMELINE_STATE);
                String map = v.has("map") ? text(v.get("map"), at + ".map") : null;
                if (map != null && !TimelineExpectation.MAPS.contains(map))
                    throw fail(at + ".map", "'" + map + "' is not one of " + String.join(", ", TimelineExpectation.MAPS));
                String st = v.has("state") ? text(v.get("state"), at + ".state") : null;
                if (st != null && !TimelineExpectation.STATES.contains(st))
                    throw fail(at + ".state", "'" + st + "' is not one of " + String.join(", ", TimelineExpectation.STATES));
                if (st != null && map != null && !map.equals("timelines")) throw fail(at + ".state", "only a timeline in map timelines has a state");
                Boolean archived = v.has("archived") ? bool(v.get("archived"), at + ".archived") : null;
                if (archived != null && map != null && map.equals("none")) throw fail(at + ".archived", "a timeline in no map has no archival flag");
                if (Boolean.FALSE.equals(archived) && "offloaded".equals(map)) throw fail(at + ".archived", "an offloaded timeline is archived");
                tls.put(e.getKey(), new TimelineExpectation(map, st, archived));
            }
        }
        Boolean attach = null;
        if (n.has("attach")) {
            String a = text(n.get("attach"), field + ".attach");
            if (!a.equals("succeeds") && !a.equals("fails")) throw fail(field + ".attach", "'" + a + "' is not one of succeeds, fails");
            attach = a.equals("succeeds");
        }
        return new StateExpectation(tenant, tls, attach);
    }

    private void onlyKnown(JsonNode n, String at, Set<String> known) throws ScenarioFileException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k))
                throw fail(at.isEmpty() ? k : at + "." + k, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
        }
    }

    private JsonNode required(JsonNode n, String key) throws ScenarioFileException {
        return required(n, key, key);
    }

    private JsonNode required(JsonNode n, String key, String field) throws ScenarioFileException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) throw fail(field, "is required");
        return v;
    }

    private String requiredText(JsonNode n, String key) throws ScenarioFileException {
        return requiredText(n, key, n.get(key));
    }

    private String requiredText(JsonNode n, String field, JsonNode v) throws ScenarioFileException {
        if (v == null || v.isNull()) throw fail(field, "is required");
        String s = text(v, field);
        if (s.isBlank()) throw fail(field, "must not be empty");
        return s;
    }

    private String text(JsonNode v, String field) throws ScenarioFileException {
        if (!v.isTextual()) throw fail(field, "must be text");
        return v.asText();
    }

    private boolean bool(JsonNode v, String field) throws ScenarioFileException {
        if (!v.isBoolean()) throw fail(field, "must be true or false");
        return v.asBoolean();
    }

    private int positiveInt(JsonNode v, String field) throws ScenarioFileException {
        if (!v.isInt() || v.asInt() <= 0) throw fail(field, "must be a positive whole number");
        return v.asInt();
    }

    private int nonNegativeInt(JsonNode v, String field) throws ScenarioFileException {
        if (!v.isInt() || v.asInt() < 0) throw fail(field, "must be a whole number, zero or more");
        return v.asInt();
    }

    private ScenarioFileException fail(String field, String problem) {
        return new ScenarioFileException(source, field, problem);
    }
}
