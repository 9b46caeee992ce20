package io.legwatch.app;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;

/**
 * One order a flatten will send, as the confirm dialog shows it.
 *
 * @param currentQty the signed position it closes, venue units
 * @param qty        unsigned order quantity, venue units
 * @param limitPrice NaN for market orders
 */
public record PlannedOrder(InstrumentKey instrument, double currentQty, Side side, double qty, OrderType type,
                           double limitPrice, boolean reduceOnly) {
}
