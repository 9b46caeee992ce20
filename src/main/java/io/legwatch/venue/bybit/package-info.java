/**
 * Bybit v5 connector ({@link io.legwatch.venue.bybit.BybitConnector}, configured by
 * {@link io.legwatch.venue.bybit.BybitConfig}).
 *
 * <p>Decisions:
 * <ul>
 *   <li>Units: every Bybit instrument gets contract size 1 and {@code Position.qty} is the signed
 *       {@code size}: base coin for linear, spot and options, USD for inverse (BTCUSD 300 short is
 *       qty -300, kind INVERSE, contract size 1 USD).</li>
 *   <li>Hedge mode ({@code positionIdx} 1/2) is netted into one position per symbol
 *       ({@link io.legwatch.venue.bybit.BybitPositionBook}); a reduce-only order then closes the side
 *       it reduces (SELL closes idx 1, BUY closes idx 2).</li>
 *   <li>Option positions carry no USD price (Bybit's position {@code markPrice} is the premium):
 *       {@code markPrice} NaN, so their USD exposure is unknown rather than wrong.</li>
 *   <li>Order acks: {@code /v5/order/create} answers only ids, so the ack is state NEW; fills and the
 *       final state arrive on the {@code order}/{@code execution} topics.</li>
 *   <li>Cancel-all: linear/inverse/option without {@code orderFilter} (Bybit then cancels every kind
 *       incl. conditional and TP/SL); spot once per filter {@code Order}, {@code StopOrder}, {@code tpslOrder}.</li>
 *   <li>Dead-man: DCP window via {@code /v5/order/disconnected-cancel-all} (3..300 s) plus the
 *       {@code dcp.*} topic; Bybit has no API to switch DCP off, so disarming unsubscribes the topic.</li>
 *   <li>A resent {@code orderLinkId} (110072) is answered with the existing order from
 *       {@code /v5/order/realtime}; when Bybit no longer lists it the refusal is passed on.</li>
 * </ul>
 * Not implemented: the {@code wallet} topic is only a liveness signal; WebSocket order entry.
 */
package io.legwatch.venue.bybit;
