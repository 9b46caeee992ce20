/**
 * Deribit API v2 connector: {@link io.legwatch.venue.deribit.DeribitConnector} built from a
 * {@link io.legwatch.venue.deribit.DeribitConfig} ({@code production}, {@code testnet} or {@code loopback}
 * for the simulator front end) and an OkHttp client; {@code orders()} is empty when the config is
 * monitor-only.
 *
 * <p>Quantity convention (see {@code DeribitInstruments}): domain qty = Deribit amount / contract_size,
 * {@code Instrument.contractSize} = contract_size. BTC-PERPETUAL (10 USD contracts): a 50 USD position is
 * qty 5; an order for qty q is sent as amount q x 10. Options: qty in BTC. Deribit has no hedge mode.
 */
package io.legwatch.venue.deribit;
