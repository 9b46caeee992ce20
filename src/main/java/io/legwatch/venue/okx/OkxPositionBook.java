package io.legwatch.venue.okx;

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
 * Nets OKX long/short-mode rows into one position per instrument and remembers how each
 * instrument is held (position mode, margin mode) for the order path.
 *
 * <p>Decision (VENUES.md asks to pick one): Legwatch works in net delta and a leg owns an
 * instrument, so the {@code long} and {@code short} rows of long/short mode are netted into one
 * signed {@link Position}; net mode has one {@code net} row.
 */
final class OkxPositionBook {
    private record Row(double qty, double mark, double delta) {
    }

    /** How an instrument's position is held: what an order that reduces it must say. */
    record Holding(boolean longShortMode, String mgnMode) {
    }

    private final Map<String, Map<String, Row>> rows = new HashMap<>();
    private final Map<String, Holding> holdings = new ConcurrentHashMap<>();

    synchronized List<Position> reset(List<OkxRow> snapshot, Function<String, InstrumentKey> key) throws IOException {
        rows.clear();
        Map<String, Position> out = new LinkedHashMap<>();
        for (OkxRow r : snapshot) {
            out.put(r.instId, apply(r, key.apply(r.instId)));
        }
        return new ArrayList<>(out.values());
    }

    synchronized Position apply(OkxRow r, InstrumentKey key) throws IOException {
        if (r.instId == null) {
            throw new IOException("position without instId");
        }
        String side = r.posSide == null || r.posSide.isEmpty() ? "net" : r.posSide;
        boolean longShort = !"net".equals(side);
        holdings.put(r.instId, new Holding(longShort, r.mgnMode));
        Map<String, Row> bySide = rows.computeIfAbsent(r.instId, s -> new HashMap<>());
        if (longShort) {
            bySide.remove("net");
        } else {
            bySide.keySet().removeIf(s -> !"net".equals(s));
        }
        Row previous = bySide.get(side);
        // balance_and_position rows carry no mark price: keep the last one rather than forget it
        // Position.markPrice is USD per base unit: for an option that is the underlying's index, not the premium
        double price = "OPTION".equals(r.instType) ? r.idxPx : r.markPx;
        double rowMark = Double.isNaN(price) && previous != null ? previous.mark : price;
        bySide.put(side, new Row(OkxMapper.signedQty(r), rowMark, r.deltaPA));
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

    /** How the instrument was last reported held, or null when no position row has been seen. */
    Holding holding(String instId) {
        return holdings.get(instId);
    }
}
