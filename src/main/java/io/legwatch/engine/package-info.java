/**
 * The hedge engine: {@link io.legwatch.engine.HedgeMonitor} folds venue events into state and
 * publishes immutable {@link io.legwatch.engine.MonitorSnapshot}s.
 *
 * <h2>Status precedence (per strategy)</h2>
 * FLATTEN_FAILED &gt; FLATTENING &gt; UNKNOWN &gt; FLAT &gt; NAKED / LEGGING / HEDGED:
 * <ol>
 *   <li>FLATTEN_FAILED from {@code flattenFinished(id, false, detail)} until {@code clearFailure(id)} or a
 *       new {@code flattenStarted(id)}. Reason: {@code "flatten failed: <detail>; acknowledge to clear"}.</li>
 *   <li>FLATTENING between {@code flattenStarted} and {@code flattenFinished}. Reason: {@code "flatten working"}.</li>
 *   <li>UNKNOWN when any leg cannot be believed, the first such leg (configuration order) naming the cause:
 *       its venue is CONNECTING/STALE/DOWN ({@code "venue X is DOWN: positions unknown"}), has not sent a
 *       full snapshot since it (re)connected ({@code "waiting for a position snapshot from X"}), never described
 *       the instrument, has no mark price, an option has no venue delta, or an in-doubt order's delta cannot be
 *       computed. DEGRADED is trusted. After DOWN or CONNECTING a venue's positions are unknown until its next
 *       {@code Snapshot}, even if it reports CONNECTED first: updates may have been lost meanwhile.</li>
 *   <li>FLAT when every leg is flat ({@code Instrument.isFlat}) and has no order in doubt.
 *       Reason: {@code "every leg confirmed flat by its venue"}.</li>
 *   <li>Otherwise the tolerance decides, tested in the worst case over orders in doubt (PENDING/UNKNOWN,
 *       each possibly filled or not): within is HEDGED; out of tolerance for less than the grace is LEGGING,
 *       for at least the grace NAKED. Reasons: {@code "net USD delta within tolerance"},
 *       {@code "net USD delta out of tolerance within|past the <grace> ms grace"}, or
 *       {@code "orders in doubt could put net USD delta out of tolerance ..."} when only the in-doubt orders
 *       break it.</li>
 * </ol>
 * {@code StrategyView.nakedSinceMs} is when the strategy left tolerance; it is kept while the strategy is
 * UNKNOWN, FLATTENING or FLATTEN_FAILED (we cannot tell it came back), and reset to 0 when a computable
 * state is within tolerance or flat. Grace expiry and venue staleness are checked on every engine turn and
 * at least every tick interval.
 *
 * <h2>Unassigned positions</h2>
 * A non-zero position (or an in-doubt order) on an instrument no leg claims is listed in
 * {@code MonitorSnapshot.unassigned} with status NAKED (nothing hedges it) or UNKNOWN (its venue cannot be
 * believed or its exposure cannot be computed).
 */
package io.legwatch.engine;
