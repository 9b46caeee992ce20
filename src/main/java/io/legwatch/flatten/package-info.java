/**
 * The kill switch that cannot lie: halt, cancel and verified flatten by leg, strategy, venue or
 * globally; automatic policies; exchange dead-man switches. No JavaFX: the UI calls in, polls
 * immutable state once per pulse, and is told of alarms.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link io.legwatch.flatten.KillSwitch} (build with {@code KillSwitch.builder()}):
 *       {@code plan(scope)} / {@code plan(scope, mode)} -> {@link io.legwatch.flatten.FlattenPlan}
 *       (show {@code plan.lines()} in the confirm dialog); {@code execute(plan, firedBy)} ->
 *       {@link io.legwatch.flatten.KillHandle} ({@code progress()}, {@code result()},
 *       {@code abandon(by)}); {@code handles()}, {@code watchedScopes()}; {@code halt()} ->
 *       {@link io.legwatch.flatten.TradingHalt} (the gate order paths use; active halts) and
 *       {@code release(scope, by)} to lift one; {@code recover()} /
 *       {@code recoveryNotices()} at start; {@code onSnapshot(snapshot)} from the engine.</li>
 *   <li>{@link io.legwatch.flatten.KillScope}: {@code leg(strategyId, legId)}, {@code strategy(id)},
 *       {@code venue(venueId)}, {@code global()}; {@link io.legwatch.flatten.KillMode}: HALT, CANCEL, FLATTEN.</li>
 *   <li>{@link io.legwatch.flatten.AutoFlattenPolicy}: rules, arming, {@code state()} for the UI;
 *       fed {@code onSnapshot} and {@code tick()}; acts through {@link io.legwatch.flatten.AutoActions}.</li>
 *   <li>{@link io.legwatch.flatten.DeadManSwitches}: per-venue {@code states()} and
 *       {@link io.legwatch.flatten.DeadManSwitches#WARNING} for the panel.</li>
 *   <li>{@link io.legwatch.flatten.FlattenListener} (to the engine) and
 *       {@link io.legwatch.flatten.AlarmListener} (to the UI) are how this package reports out;
 *       {@link io.legwatch.flatten.IncidentFeed} connects finished kills to the incident log.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * All work runs on the kill switch's own executor ({@code legwatch-flatten-N}); nothing here blocks a
 * caller's thread on I/O. Listeners are called from those threads and must not block.
 */
package io.legwatch.flatten;
