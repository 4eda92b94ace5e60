package offloadsim.scenarios.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import offloadsim.sim.api.Sim;
import offloadsim.sim.api.SimVar;
import offloadsim.sim.explore.Oracles;
import offloadsim.sim.explore.Violation;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class SimulationExtensionTest {

    /** Run only through EngineTestKit below (the nested name keeps surefire from picking it up). */
    static class Cases {
        @SimulationTest(seeds = 300)
        void racyWithdraw(Sim sim) {
            SimVar<Integer> balance = sim.var("balance", 10);
            for (String n : new String[] {"a", "b"}) {
                sim.spawn(n, () -> {
                    if (balance.get() >= 10) {
                        sim.yieldPoint("after-check");
                        balance.update(v -> v - 10);
                    }
                });
            }
            Simulation.watch(new Oracles() {
                @Override
                public Violation afterStep() {
                    return balance.get() < 0 ? new Violation("non-negative", "balance " + balance.get()) : null;
                }
            });
        }

        @SimulationTest(seeds = 100)
        void lockedWithdraw(Sim sim) {
            SimVar<Integer> balance = sim.var("balance", 10);
            var m = sim.mutex("account", true);
            for (String n : new String[] {"a", "b"}) {
                sim.spawn(n, () -> {
                    try (var g = m.lock()) {
                        if (balance.get() >= 10) {
                            sim.yieldPoint("after-check");
                            balance.update(v -> v - 10);
                        }
                        org.junit.jupiter.api.Assertions.assertTrue(balance.get() >= 0);
                    }
                });
            }
        }

        @SimulationTest(seeds = 100)
        void assertionInATask(Sim sim) {
            sim.spawn("checker", () -> {
                sim.yieldPoint("x");
                org.junit.jupiter.api.Assertions.assertEquals(1, 2, "one is not two");
            });
        }
    }

    @Test
    void failingTestsReportSeedScheduleAndReplayLine() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(Cases.class)).execute().testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("racyWithdraw"), finishedWithFailure(message(m ->
                        m.contains("at seed") && m.contains("VIOLATION non-negative") && m.contains("schedule: v1:")
                                && m.contains("@SimulationTest(schedule = \"v1:") && m.contains("after-check")))))
                .haveExactly(1, event(test("lockedWithdraw"), finishedSuccessfully()))
                .haveExactly(1, event(test("assertionInATask"), finishedWithFailure(message(m ->
                        m.contains("one is not two") && m.contains("[task checker @x")))));
    }
}
