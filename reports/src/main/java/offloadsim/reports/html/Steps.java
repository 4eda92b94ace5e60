package offloadsim.reports.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.explore.Violation;
import offloadsim.sim.trace.Schedule;
import offloadsim.sim.trace.TraceEntry;

/**
 * A failing run, step by step, for the report's step-through viewer: after each scheduler step the
 * world's state (the oracles' canonical description: tenant and timeline states, maps, upload queues,
 * remote storage), the locks each task holds, the answers the operations gave so far, and what the step
 * did. The state comes from replaying the schedule with the oracles read after every step.
 */
public final class Steps {
    private Steps() {}

    /** One step: the task that ran, from which yield label, what it did, and the world after it. */
    public record Step(int index, String task, String label, boolean preemption, List<String> events, List<String> state,
                       Map<String, List<String>> locks, List<String> answers) {}

    /** The run and its steps (index 0 is the world before the first step, with task "set-up"). */
    public record Run(RunResult run, List<Step> steps) {}

    public static Run capture(Program program, Schedule schedule, RunOptions options) {
        List<List<String>> states = new ArrayList<>();
        Program watched = sim -> watch(program.start(sim), states);
        RunResult r = Explorer.replay(watched, schedule, options);
        List<Step> steps = new ArrayList<>();
        Map<String, List<String>> locks = new TreeMap<>();
        List<String> answers = new ArrayList<>();
        List<String> events = new ArrayList<>();
        TraceEntry.Step current = null;
        int index = 0;
        for (TraceEntry e : r.trace().entries()) {
            if (e instanceof TraceEntry.Step s) {
                steps.add(step(index++, current, events, states, locks, answers));
                current = s;
                events = new ArrayList<>();
            } else if (e instanceof TraceEntry.Event ev) {
                switch (ev.kind()) {
                    case "lock" -> locks.computeIfAbsent(ev.task(), k -> new ArrayList<>()).add(ev.detail());
                    case "unlock" -> {
                        List<String> held = locks.get(ev.task());
                        if (held != null) {
                            held.remove(ev.detail());
                            if (held.isEmpty()) locks.remove(ev.task());
                        }
                    }
                    case "op" -> answers.add(ev.task() + ": " + ev.detail());
                    default -> { }
                }
                if (!ev.kind().equals("lock") && !ev.kind().equals("unlock")) events.add(ev.kind() + ": " + ev.detail());
            }
        }
        steps.add(step(index, current, events, states, locks, answers));
        return new Run(r, steps);
    }

    private static Step step(int index, TraceEntry.Step s, List<String> events, List<List<String>> states, Map<String, List<String>> locks, List<String> answers) {
        List<String> state = index < states.size() ? states.get(index) : states.isEmpty() ? List.of() : states.getLast();
        Map<String, List<String>> held = new TreeMap<>();
        locks.forEach((t, l) -> held.put(t, List.copyOf(l)));
        return new Step(index, s == null ? "set-up" : s.task(), s == null ? "" : s.label(), s != null && s.preemption(), List.copyOf(events),
                state, held, List.copyOf(answers));
    }

    /** The program's oracles, with the state recorded before the first step and after every step. */
    private static Oracles watch(Oracles inner, List<List<String>> states) {
        states.add(lines(inner.finalState()));
        return new Oracles() {
            @Override
            public Violation afterStep() {
                states.add(lines(inner.finalState()));
                return inner.afterStep();
            }

            @Override
            public Violation atQuiescence() {
                return inner.atQuiescence();
            }

            @Override
            public String finalState() {
                return inner.finalState();
            }
        };
    }

    /** The canonical state text is " | "-separated parts; one per line reads better. */
    private static List<String> lines(String state) {
        List<String> out = new ArrayList<>();
        for (String part : state.split(" \\| ")) for (String p : part.split(" \\|\\| ")) if (!p.isBlank()) out.add(p.strip());
        return out;
    }

}
