package io.legwatch.domain;

import java.util.Objects;

/**
 * An order as last reported by its venue (or as we sent it, while PENDING/UNKNOWN).
 *
 * @param orderId       the venue's id, null until acknowledged
 * @param clientOrderId our id, null for orders placed outside Legwatch
 * @param qty           unsigned original quantity, venue units
 * @param filledQty     unsigned cumulative filled quantity
 * @param conditional   a stop/trigger/TP-SL order (cancel-all must cover these too)
 * @param reason        the venue's rejection or cancel text, or null
 */
public record Order(InstrumentKey instrument, String orderId, String clientOrderId, Side side, OrderType type,
                    double qty, double filledQty, double price, boolean reduceOnly, boolean conditional,
                    OrderState state, String reason) {
    public Order {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
    }

    /** Unsigned quantity that may still fill. */
    public double remaining() {
        return Math.max(0, qty - filledQty);
    }

    /** The key that identifies this order: the venue id when known, else our client id. */
    public String key() {
        return orderId != null ? orderId : "c:" + clientOrderId;
    }
}
