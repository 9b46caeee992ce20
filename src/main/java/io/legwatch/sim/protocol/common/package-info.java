/**
 * Parts the simulator's venue front ends share: the loopback Jetty server with its private-stream
 * endpoint, the wire faults a front end injects, the ordered fault-applying socket writer and the JSON
 * writing helpers; for Bybit and OKX also the front end's and the stream socket's common life cycle
 * ({@link io.legwatch.sim.protocol.common.LoopbackFrontEnd}, {@link io.legwatch.sim.protocol.common.StreamSocket}).
 * Wire shapes, auth and venue codes stay in each venue's front end package.
 */
package io.legwatch.sim.protocol.common;
