package io.legwatch.venue.common;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Position;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The last reported row of each side of each instrument's position (hedge / long-short mode has a
 * long and a short row, one-way / net mode a single row), netted into one signed {@link Position}:
 * quantities and deltas add up, the mark is the last known one. Which side a venue row belongs to,
 * and which sides a mode switch makes obsolete, is the venue book's decision. Not thread-safe: the
 * owning book synchronises.
 *
 * @param <S> how the venue names a side (Bybit's positionIdx, OKX's posSide)
 */
public final class SideRows<S> {
    /** One side's row: signed quantity, mark (NaN when unknown) and delta (NaN when not reported). */
    public record Side(double qty, double mark, double delta) {
    }

    private final Map<String, Map<S, Side>> rows = new HashMap<>();

    public void clear() {
        rows.clear();
    }

    /** The instrument's rows by side, for the book to update in place. */
    public Map<S, Side> of(String instrument) {
        return rows.computeIfAbsent(instrument, s -> new HashMap<>());
    }

    /** Nets sides into one position: summed quantity and delta (NaN when no side reports one), last known mark. */
    public static Position net(InstrumentKey key, Collection<Side> sides) {
        double qty = 0;
        double mark = Double.NaN;
        double delta = Double.NaN;
        for (Side side : sides) {
            qty += side.qty;
            if (!Double.isNaN(side.mark)) {
                mark = side.mark;
            }
            if (!Double.isNaN(side.delta)) {
                delta = Double.isNaN(delta) ? side.delta : delta + side.delta;
            }
        }
        return new Position(key, qty, mark, delta);
    }
}
