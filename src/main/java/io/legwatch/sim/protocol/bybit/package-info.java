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
 * SPOT as spot, OPTION as option. The simulator has no tick size: {@code tickSize} is a fixed 0.01.
 *
 * <p>Checked by hand (2026-11-25, script not kept): the npm {@code ccxt} 4.5.84 {@code bybit} client with
 * every API URL set to this front end ({@code has.fetchCurrencies = false}) loaded markets, fetched
 * positions, placed a reduce-only market order (position 0.5 -> 0.4) and cancelled all orders of a symbol.
 */
package io.legwatch.sim.protocol.bybit;
