package io.legwatch.sim;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;

/** The venue's mutable record of one order; guarded by the exchange lock. */
final class WorkingOrder {
    final InstrumentKey instrument;
    final String orderId;
    final String clientOrderId;
    final Side side;
    final OrderType type;
    final double limitPrice;
    final boolean reduceOnly;
    final boolean conditional;
    final double triggerPrice;
    double qty;
    double filledQty;
    double notional;
    OrderState state = OrderState.NEW;
    String reason;

    WorkingOrder(InstrumentKey instrument, String orderId, String clientOrderId, Side side, OrderType type, double qty,
                 double limitPrice, boolean reduceOnly, boolean conditional, double triggerPrice) {
        this.instrument = instrument;
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.qty = qty;
        this.limitPrice = limitPrice;
        this.reduceOnly = reduceOnly;
        this.conditional = conditional;
        this.triggerPrice = triggerPrice;
    }

    double remaining() {
        return Math.max(0, qty - filledQty);
    }

    /**
     * The order as reported: price is the limit for limit orders, the trigger for an untriggered
     * stop, otherwise the average fill price (NaN before any fill).
     */
    Order toOrder() {
        double price;
        if (conditional && state == OrderState.NEW) {
            price = triggerPrice;
        } else if (type == OrderType.MARKET) {
            price = filledQty > 0 ? notional / filledQty : Double.NaN;
        } else {
            price = limitPrice;
        }
        return new Order(instrument, orderId, clientOrderId, side, type, qty, filledQty, price, reduceOnly,
                conditional, state, reason);
    }
}
