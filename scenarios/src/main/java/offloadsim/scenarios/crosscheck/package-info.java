/**
 * The cross-check harness (main code so that {@code ./offload-sim bench} can measure Lincheck and jcstress
 * in the same run; the JUnit suites that assert the verdicts are in src/test under the same package).
 *
 * <p>Cross-checks on real JVM threads: Lincheck (linearizability, its own model checker) and jcstress (real
 * hardware threads under the JMM) must agree with the deterministic simulator on
 * {@code unarchive-during-compaction} (#10220 / PR #10305).
 *
 * <ul>
 *   <li>{@code LincheckCrossCheckTest} (src/test): {@code lincheck.TenantFacade} vs
 *       {@code lincheck.TenantSequentialSpec}; pre-10305 must fail, fix-10305 must pass.</li>
 *   <li>{@code JcstressCrossCheckTest} (src/test): one in-process jcstress run
 *       ({@code jcstress.JcstressRunner}) of {@code jcstress.ArbiterStress} (the arbiter step vs unarchive's
 *       schedule-upload, on the stand-in) and {@code jcstress.TenantStress} (compaction vs unarchive through the
 *       facade, stand-in and model); fix-10305 must have no FORBIDDEN outcome, a canary proves one would fail.</li>
 *   <li>{@code SimulatorCrossCheckTest} (src/test): the simulator column
 *       ({@code Matrix.runCell} for the model).</li>
 *   <li>{@code CrossCheckLedger} (src/test): {@code target/cross-checks.json} / {@code .txt}.</li>
 * </ul>
 * Each engine runs on two subjects: the real model ({@code offloadsim.model.Pageserver}; tests abort while it
 * throws UnsupportedOperationException) and {@code standin.StandInPageserver}, a small arbiter written against
 * the runtime API that proves the harness itself. Budgets are system properties ({@code crosscheck.*});
 * {@code -Pcrosscheck-long} raises them and adds the alternative designs (recorded, not asserted).
 */
package offloadsim.scenarios.crosscheck;
