package io.legwatch.venue.bybit;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Position;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Nets Bybit hedge-mode rows into one position per symbol.
 *
 * <p>Decision (VENUES.md asks to pick one): Legwatch works in net delta, and a leg owns an
 * instrument, so hedge mode's two rows per symbol ({@code positionIdx} 1 = long side, 2 = short
 * side) are netted into one signed {@link Position}; one-way mode ({@code positionIdx} 0) has a
 * single row. The book remembers which symbols trade in hedge mode so that the order path can
 * close the right side. Thread-confined to the connector's stream thread, except
 * {@link #hedgeMode}, which is read from order threads.
 */
final class BybitPositionBook {
    private record Row(double qty, double mark, double delta) {
    }

    private final Map<String, Map<Integer, Row>> rows = new HashMap<>();
    private final Map<String, Boolean> hedgeMode = new ConcurrentHashMap<>();

    /** Replaces everything with a fresh snapshot; returns the net positions, one per symbol. */
    synchronized List<Position> reset(List<BybitRow> snapshot, Function<String, InstrumentKey> key)
            throws IOException {
        rows.clear();
        Map<String, Position> out = new LinkedHashMap<>();
        for (BybitRow r : snapshot) {
            out.put(r.symbol, apply(r, key.apply(r.symbol)));
        }
        return new ArrayList<>(out.values());
    }

    /** Applies one row and returns the symbol's net position. */
    synchronized Position apply(BybitRow r, InstrumentKey key) throws IOException {
        if (r.symbol == null) {
            throw new IOException("position without symbol");
        }
        hedgeMode.put(r.symbol, r.positionIdx != 0);
        Map<Integer, Row> bySide = rows.computeIfAbsent(r.symbol, s -> new HashMap<>());
        if (r.positionIdx == 0) {
            bySide.keySet().removeIf(idx -> idx != 0);
        } else {
            bySide.remove(0);
        }
        // Position.markPrice is USD per base unit; an option row's markPrice is the premium and Bybit's position
        // rows carry no underlying price, so for options it is left unknown rather than wrong
        double rowMark = "option".equals(r.category) ? Double.NaN : r.markPrice;
        bySide.put(r.positionIdx, new Row(BybitMapper.signedSize(r), rowMark, r.delta));
        double qty = 0;
        double mark = Double.NaN;
        double delta = Double.NaN;
        for (Row row : bySide.values()) {
            qty += row.qty;
            if (!Double.isNaN(row.mark)) {
                mark = row.mark;
            }
            if (!Double.isNaN(row.delta)) {
                delta = Double.isNaN(delta) ? row.delta : delta + row.delta;
            }
        }
        return new Position(key, qty, mark, delta);
    }

    /** True when the symbol was last reported in hedge mode (positionIdx 1/2). */
    boolean hedgeMode(String symbol) {
        return hedgeMode.getOrDefault(symbol, false);
    }
}
