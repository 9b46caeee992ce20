/**
 * OKX v5 on the simulator: {@link io.legwatch.sim.protocol.okx.OkxFrontEnd} serves one
 * {@link io.legwatch.sim.SimExchange} account on 127.0.0.1 with Jetty 12 (REST under {@code /api/v5/...},
 * private stream on {@code /ws/v5/private}).
 *
 * <p>Served: {@code GET /api/v5/public/instruments}, {@code GET /api/v5/account/positions},
 * {@code GET /api/v5/trade/orders-pending}, {@code GET /api/v5/trade/orders-algo-pending},
 * {@code GET /api/v5/trade/order} (open orders only: the simulator keeps no history),
 * {@code POST /api/v5/trade/order}, {@code POST /api/v5/trade/cancel-batch-orders},
 * {@code POST /api/v5/trade/cancel-algos}, {@code POST /api/v5/trade/cancel-all-after}; WebSocket text
 * {@code ping}, ops {@code login}, {@code subscribe}, {@code unsubscribe}; channels {@code positions}
 * (with the initial {@code snapshot} push), {@code orders} (carrying each fill), {@code orders-algo}.
 * Signatures are verified with OKX's codes (REST 50102-50113 with HTTP 401; WS 60005-60009).
 * Simulator LINEAR/INVERSE are SWAPs with {@code ctVal} = the contract size, SPOT holdings show as
 * MARGIN positions, stop orders as {@code conditional} algo orders. Net position mode only; the
 * {@code x-simulated-trading} header is accepted and not checked. The simulator has no tick size:
 * {@code tickSz} is a fixed 0.01. {@code POST /api/v5/trade/batch-orders} is served too (CCXT sends
 * single orders through it).
 *
 * <p>Checked by hand (2026-11-25, script not kept): the npm {@code ccxt} 4.5.84 {@code okx} client with its
 * REST URL set to this front end ({@code has.fetchCurrencies = false}) loaded markets (no options: CCXT
 * lists them through an endpoint not served here), fetched positions, placed a reduce-only market order
 * (position -0.5 -> -0.4) and a resting limit order; CCXT has no cancel-all for OKX
 * ({@code cancelAllOrders() is not supported yet}), so that step was not possible with it.
 */
package io.legwatch.sim.protocol.okx;
