/**
 * Cross-checks on real JVM threads: Lincheck (linearizability, its own model checker) and jcstress (real
 * hardware threads under the JMM) must agree with the deterministic simulator on
 * {@code unarchive-during-compaction} (#10220 / PR #10305).
 *
 * <ul>
 *   <li>{@link offloadsim.scenarios.crosscheck.LincheckCrossCheckTest}: {@code lincheck.TenantFacade} vs
 *       {@code lincheck.TenantSequentialSpec}; pre-10305 must fail, fix-10305 must pass.</li>
 *   <li>{@link offloadsim.scenarios.crosscheck.JcstressCrossCheckTest}: one in-process jcstress run
 *       ({@code jcstress.JcstressRunner}) of {@code jcstress.ArbiterStress} (the arbiter step vs unarchive's
 *       schedule-upload, on the stand-in) and {@code jcstress.TenantStress} (compaction vs unarchive through the
 *       facade, stand-in and model); fix-10305 must have no FORBIDDEN outcome, a canary proves one would fail.</li>
 *   <li>{@link offloadsim.scenarios.crosscheck.SimulatorCrossCheckTest}: the simulator column
 *       ({@code Matrix.runCell} for the model).</li>
 *   <li>{@link offloadsim.scenarios.crosscheck.CrossCheckLedger}: {@code target/cross-checks.json} / {@code .txt}.</li>
 * </ul>
 * Each engine runs on two subjects: the real model ({@code offloadsim.model.Pageserver}; tests abort while it
 * throws UnsupportedOperationException) and {@code standin.StandInPageserver}, a small arbiter written against
 * the runtime API that proves the harness itself. Budgets are system properties ({@code crosscheck.*});
 * {@code -Pcrosscheck-long} raises them and adds the alternative designs (recorded, not asserted).
 */
package offloadsim.scenarios.crosscheck;
