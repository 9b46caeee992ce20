/**
 * OKX v5 connector ({@link io.legwatch.venue.okx.OkxConnector}, configured by
 * {@link io.legwatch.venue.okx.OkxConfig}; {@code OkxConfig.demo} adds {@code x-simulated-trading: 1}).
 *
 * <p>Decisions:
 * <ul>
 *   <li>Units: SWAP/FUTURES/OPTION positions stay in contracts; {@code Instrument.contractSize} is
 *       {@code ctVal x ctMult} of {@code ctValCcy} (BTC-USDT-SWAP 0.01 BTC LINEAR, BTC-USD-SWAP 100 USD
 *       INVERSE, a BTC option 0.01 BTC). SPOT and MARGIN are base currency, contract size 1; a short
 *       MARGIN position is its base-currency liability.</li>
 *   <li>Long/short mode rows are netted into one position per instrument
 *       ({@link io.legwatch.venue.okx.OkxPositionBook}); orders then carry {@code posSide} (closing by
 *       posSide cannot flip, and OKX accepts {@code reduceOnly} only in net mode). {@code tdMode} follows
 *       the position's margin mode ({@code cash} for spot without a margin position).</li>
 *   <li>Option positions are valued at {@code idxPx} (the underlying's USD index) with {@code deltaPA}
 *       as the venue delta.</li>
 *   <li>Cancel-all for an instrument: {@code orders-pending} + {@code cancel-batch-orders} (20 per call)
 *       and {@code orders-algo-pending} + {@code cancel-algos} (10 per call) for conditional/oco, trigger
 *       and trailing orders. {@code mass-cancel} is not used: OKX documents it for option MMP orders only.</li>
 *   <li>Client ids: {@code clOrdId} is 1-32 letters/digits; other ids are mapped deterministically
 *       ({@link io.legwatch.venue.okx.OkxClientIds}).</li>
 *   <li>Dead-man: {@code cancel-all-after} with 10..120 s, 0 disarms.</li>
 *   <li>A resent {@code clOrdId} (51016) is answered with the existing order from
 *       {@code GET /api/v5/trade/order}; when OKX cannot find it the refusal is passed on.</li>
 * </ul>
 * Not implemented: {@code close-position} (the flatten path uses reduce-only orders), chase/iceberg/twap
 * algo types in cancel-all.
 */
package io.legwatch.venue.okx;
