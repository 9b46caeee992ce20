package io.legwatch.app;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;

/**
 * One line of a flatten plan as the confirm dialog shows it: the instrument, the position the
 * snapshot shows, and the first order the plan sends to close it.
 *
 * @param owner       "strategy/leg", or "unassigned"
 * @param currentQty  the signed position the snapshot shows, NaN when unknown
 * @param side        the reducing side, or null when no order is planned (flat, unknown, cancel only)
 * @param qty         unsigned order quantity, NaN when not known yet (sized from a fresh venue read)
 * @param type        the first order's type, or null when no order is planned
 * @param priceNote   e.g. "from mark 65,012.5", empty for market orders
 * @param note        what else happens on this line: orders cancelled first, "position unknown: read from venue first"
 */
public record PlannedOrder(InstrumentKey instrument, String owner, double currentQty, Side side, double qty,
                           OrderType type, String priceNote, boolean reduceOnly, String note) {
    public PlannedOrder {
        priceNote = priceNote == null ? "" : priceNote;
        note = note == null ? "" : note;
    }

    public boolean sendsOrder() {
        return side != null && type != null;
    }
}
