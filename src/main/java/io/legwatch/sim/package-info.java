/**
 * The embedded exchange simulator. Depends only on {@code io.legwatch.domain}.
 *
 * <p>Entry points: {@link io.legwatch.sim.SimExchange} (venues sim-a/b/c, listings, prices,
 * books, order entry, queries, subscriptions, time), {@link io.legwatch.sim.SimFaults} (per-venue
 * fault injection, {@code exchange.faults(venue)}), {@link io.legwatch.sim.SimListener} /
 * {@link io.legwatch.sim.SimSubscription} (what a venue pushes), {@link io.legwatch.sim.SimClock}
 * (real-time stepping). Protocol front ends ({@code sim.protocol.<venue>}) serve wire protocols on
 * top of exactly this API: on {@link io.legwatch.sim.SimLink#DOWN} they drop their sockets and
 * refuse connections, on {@link io.legwatch.sim.SimLink#SILENT} they stop writing (no pushes, no
 * heartbeats, no responses), on {@link io.legwatch.sim.SimLink#UP} they accept clients again.
 * The demo (strategies, trading bot, one-call world) lives in {@code sim.demo}.
 */
package io.legwatch.sim;
