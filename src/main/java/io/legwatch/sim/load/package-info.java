/**
 * Load mode for the simulator: {@link io.legwatch.sim.load.LoadProfile} (strategies x legs, total
 * venue messages per second, duration, leg failures per second), {@link io.legwatch.sim.load.LoadUniverse}
 * (one instrument per leg, the strategies to configure), {@link io.legwatch.sim.load.LoadGenerator}
 * (runs the profile on its own thread against a {@link io.legwatch.sim.SimExchange} and stops by
 * itself), {@link io.legwatch.sim.load.InjectedFailure} (which leg failed, when, when repaired) and
 * {@link io.legwatch.sim.load.VenueMessageCounter} (every message the venues pushed).
 *
 * <p>Everything goes through the simulator core (listings, {@code setPosition} pushes, the price tick),
 * so anything that serves or consumes a {@code SimExchange} carries the load: in-process connectors, or
 * the protocol front ends ({@code sim.protocol.<venue>}) on loopback with the production connectors.
 *
 * <p>Demo-menu use:
 * <pre>{@code
 * SimExchange exchange = new SimExchange(profile.seed(), System.currentTimeMillis());
 * LoadUniverse universe = LoadUniverse.of(profile, exchange);
 * universe.install(exchange);                 // before connectors subscribe
 * // engine configured with universe.strategies(); one connector per exchange.venues()
 * LoadGenerator load = LoadGenerator.start(exchange, universe);
 * ...
 * load.stop();                                // or let it end after profile.duration()
 * }</pre>
 */
package io.legwatch.sim.load;
