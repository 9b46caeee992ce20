package io.legwatch.venue;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;

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

    /**
     * Readies the order path ahead of the first kill <em>without sending anything</em>: builds, signs and
     * serialises an order request and a cancel request for {@code instrument} the way {@link #place} and
     * {@link #cancelAll} would, then discards them. The first kill after connecting otherwise pays for
     * loading and interpreting this code while the trader waits. It may read (an instrument lookup); it
     * never sends an order, a cancel or any other write. The default does nothing.
     */
    default CompletableFuture<Void> warmUp(InstrumentKey instrument) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The order a {@link #warmUp} builds and signs (and never sends): a reduce-only IOC limit, the kind
     * a kill's ladder sends first, with an id in the kill switch's shape.
     */
    static OrderRequest warmUpSample(InstrumentKey instrument) {
        return new OrderRequest(instrument, Side.SELL, 1, OrderType.LIMIT_IOC, 1, true, "lwwarmup000000");
    }
}
