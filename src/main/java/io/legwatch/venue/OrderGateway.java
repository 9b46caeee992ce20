package io.legwatch.venue;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Order entry on one venue account. Futures complete exceptionally with
 * {@link io.legwatch.domain.VenueException} carrying the venue's code and message.
 */
public interface OrderGateway {
    /**
     * Sends one order. The returned order is the venue's acknowledgement (state NEW, FILLED,
     * PARTIALLY_FILLED, EXPIRED for an IOC remainder, ...). A rejection completes exceptionally.
     * Re-sending the same client order id must never create a second order.
     */
    CompletableFuture<Order> place(OrderRequest request);

    /** Cancels every open order on the instrument, including stop/conditional orders. Returns how many. */
    CompletableFuture<Integer> cancelAll(InstrumentKey instrument);

    /**
     * Arms or refreshes the exchange-side dead-man switch: the venue cancels all open orders if it
     * does not hear from us within {@code timeout}. {@link Duration#ZERO} disarms. Cancels orders, not positions.
     */
    CompletableFuture<Void> armDeadMan(Duration timeout);
}
