/**
 * Bybit v5 on the simulator: {@link io.legwatch.sim.protocol.bybit.BybitFrontEnd} serves one
 * {@link io.legwatch.sim.SimExchange} account on 127.0.0.1 with Jetty 12 (REST under {@code /v5/...},
 * private stream on {@code /v5/private}).
 *
 * <p>Served: {@code GET /v5/market/instruments-info}, {@code GET /v5/position/list},
 * {@code GET /v5/order/realtime}, {@code POST /v5/order/create}, {@code POST /v5/order/cancel-all},
 * {@code POST /v5/order/disconnected-cancel-all}; WebSocket ops {@code ping}, {@code auth},
 * {@code subscribe}, {@code unsubscribe}; topics {@code position}, {@code order}, {@code execution},
 * {@code dcp.*}. Signatures are verified against the configured secret with Bybit's codes (10003,
 * 10002, 10004; WS auth refusals). The simulated account is in one-way mode ({@code positionIdx} 0).
 * Simulator categories: LINEAR as linear, INVERSE as inverse (quantities x contract size = USD),
 * SPOT as spot, OPTION as option.
 */
package io.legwatch.sim.protocol.bybit;
