/**
 * Deribit API v2 served on 127.0.0.1 from the simulator core. Construct
 * {@code new DeribitFrontEnd(exchange, SimExchange.SIM_A, clientId, clientSecret)}, call
 * {@code start(0)} for the bound port, point a Deribit client at {@code ws://127.0.0.1:<port>/ws/api/v2}
 * (REST {@code http://127.0.0.1:<port>/api/v2/...}), {@code close()} when done. Depends only on the
 * simulator core, the domain, Jetty and Jackson.
 */
package io.legwatch.sim.protocol.deribit;
