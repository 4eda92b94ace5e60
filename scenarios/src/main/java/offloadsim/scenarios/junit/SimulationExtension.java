package offloadsim.scenarios.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import offloadsim.scenarios.explore.StrategySpec;
import offloadsim.sim.api.Sim;
import offloadsim.sim.explore.Exploration;
import offloadsim.sim.explore.Explorer;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Program;
import offloadsim.sim.explore.RunOptions;
import offloadsim.sim.explore.RunResult;
import offloadsim.sim.trace.Schedule;
import offloadsim.sim.trace.Trace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;

/** Runs {@link SimulationTest} methods: the method body becomes the program's set-up, run once per seed. */
public final class SimulationExtension implements InvocationInterceptor, ParameterResolver {

    /** The Sim parameter is bound per execution by the interceptor; JUnit's own call is skipped. */
    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ext) {
        return p.getParameter().getType() == Sim.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ext) {
        return null;
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> ctx, ExtensionContext ext) {
        invocation.skip();
        Method m = ctx.getExecutable();
        SimulationTest cfg = m.getAnnotation(SimulationTest.class);
        if (m.getParameterCount() != 1 || m.getParameterTypes()[0] != Sim.class)
            throw new IllegalStateException("@SimulationTest method " + m.getName() + " must take exactly one parameter of type Sim");
        Object target = Modifier.isStatic(m.getModifiers()) ? null : ctx.getTarget().orElseThrow();
        m.setAccessible(true);
        Program program = sim -> {
            try {
                Simulation.take();
                m.invoke(target, sim);
                return Simulation.take();
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
        RunOptions options = new RunOptions(cfg.maxSteps(), cfg.preemptive(), Trace.Level.HASH_ONLY);
        String where = m.getDeclaringClass().getSimpleName() + "." + m.getName();
        if (!cfg.schedule().isEmpty()) {
            RunResult r = Explorer.replay(program, Schedule.parse(cfg.schedule()), options);
            if (r.outcome().isFailure()) throw failure(where, r, -1, 1, r.trace().text());
            return;
        }
        StrategySpec spec = StrategySpec.of(cfg.strategy(), 3, 2, true);
        Exploration e = Explorer.explore(program, spec.create(), new Explorer.Budget(cfg.firstSeed(), cfg.seeds(), true, 1), options, Explorer.Progress.NONE);
        if (!e.found().isEmpty()) {
            Exploration.Found f = e.found().getFirst();
            RunResult full = Explorer.replay(program, f.run().schedule(), options);
            throw failure(where, f.run(), f.seed(), f.execution(), full.trace().text());
        }
    }

    private static AssertionFailedError failure(String where, RunResult r, long seed, long execution, String trace) {
        String schedule = r.schedule().encode();
        String msg = where + " failed " + (seed >= 0 ? "at seed " + seed + " (execution " + execution + ")" : "on replay") + ": "
                + r.outcome().summary() + "\n  schedule: " + schedule
                + "\n  replay:   @SimulationTest(schedule = \"" + schedule + "\")"
                + "\n  trace:\n" + trace.indent(4);
        return new AssertionFailedError(msg);
    }
}
