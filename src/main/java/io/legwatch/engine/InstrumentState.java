package io.legwatch.engine;

import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;

/**
 * Everything the engine knows about one instrument on one venue account: position, price, live
 * orders, fills. Mutable, owned by the engine thread.
 */
final class InstrumentState {
    final InstrumentKey key;
    final String keyText;
    final VenueState venue;
    /** The strategy whose leg claims this instrument, or null when unassigned. */
    final StrategyState owner;
    final int legIndex;

    /** Null until the venue has described the instrument in a snapshot. */
    Instrument instrument;
    UnderlyingState underlying;
    /** This instrument's contribution to its underlying's running sums (NaN = counted as unknown). */
    double underlyingDelta = Double.NaN;
    double underlyingUsd = Double.NaN;

    double qty;
    /** Newest mark price, from the position or a price update, whichever came last. */
    double mark = Double.NaN;
    double venueDelta = Double.NaN;
    long lastUpdateMs;
    final OpenOrders orders = new OpenOrders();
    long fills;
    Fill lastFill;

    /** Something shown in this instrument's LegView may have changed since the last publish. */
    boolean viewDirty = true;
    /** The view published for this instrument when unassigned (legs keep theirs in StrategyState). */
    LegView unassignedView;

    InstrumentState(InstrumentKey key, VenueState venue, StrategyState owner, int legIndex) {
        this.key = key;
        this.keyText = key.toString();
        this.venue = venue;
        this.owner = owner;
        this.legIndex = legIndex;
    }

    /** True when the venue is trusted and has given us a position for this instrument since it last (re)connected. */
    boolean positionKnown() {
        return venue.positionsKnown();
    }

    /** Base delta of the position; 0 when flat; NaN when it cannot be computed (not described, no price/delta). */
    double baseDelta() {
        if (instrument == null) {
            return Double.NaN;
        }
        if (instrument.isFlat(qty)) {
            return 0;
        }
        return instrument.baseDelta(qty, mark, venueDelta);
    }

    /** USD delta of the position; 0 when flat; NaN when it cannot be computed. */
    double usd() {
        double delta = baseDelta();
        if (delta == 0) {
            return 0;
        }
        return mark > 0 ? delta * mark : Double.NaN;
    }

    boolean flat() {
        return instrument != null && instrument.isFlat(qty);
    }

    /** USD delta that {@code signedQty} more venue units would add; NaN when it cannot be computed. */
    double usdIfFilled(double signedQty) {
        if (instrument == null || !(mark > 0)) {
            return Double.NaN;
        }
        double delta = switch (instrument.kind()) {
            case SPOT, LINEAR, INVERSE -> instrument.baseDelta(signedQty, mark, Double.NaN);
            // An option order's delta scales the position's per-contract delta; unknown without a position.
            case OPTION -> instrument.isFlat(qty) || Double.isNaN(venueDelta) ? Double.NaN : signedQty * venueDelta / qty;
        };
        return delta * mark;
    }

    void recordFill(Fill fill) {
        fills++;
        lastFill = fill;
    }
}
