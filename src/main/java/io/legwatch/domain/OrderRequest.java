package io.legwatch.domain;

import java.util.Objects;

/**
 * An order Legwatch (or the demo trader) wants sent.
 *
 * @param qty           unsigned quantity in the venue's units
 * @param limitPrice    price for LIMIT/LIMIT_IOC, NaN for MARKET
 * @param clientOrderId deterministic id: a resend with the same id cannot double up
 */
public record OrderRequest(InstrumentKey instrument, Side side, double qty, OrderType type,
                           double limitPrice, boolean reduceOnly, String clientOrderId) {
    public OrderRequest {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        if (!(qty > 0)) {
            throw new IllegalArgumentException("order quantity must be > 0, was " + qty);
        }
        if (type != OrderType.MARKET && !(limitPrice > 0)) {
            throw new IllegalArgumentException(type + " order needs a limit price");
        }
    }

    public static OrderRequest market(InstrumentKey instrument, Side side, double qty, boolean reduceOnly,
                                      String clientOrderId) {
        return new OrderRequest(instrument, side, qty, OrderType.MARKET, Double.NaN, reduceOnly, clientOrderId);
    }
}
