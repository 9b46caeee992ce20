package io.legwatch.venue.binance;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Position;
import io.legwatch.venue.binance.BinanceUserEvent.PositionRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Nets Binance position rows into one domain {@link Position} per symbol.
 *
 * <p>Decision (hedge mode): a symbol's LONG and SHORT rows are netted into one signed quantity per
 * instrument (the SHORT row's amount is already negative), because a leg is keyed by (account, symbol)
 * and its hedge is decided by net delta. ACCOUNT_UPDATE only carries the rows that changed, so the book
 * keeps the last amount of every (symbol, side) and reports the new net. One-way mode rows are BOTH.
 *
 * <p>The stream carries no mark price; {@code up = pa x (mark - ep)} for linear USD-M, so a row with a
 * non-zero amount gives the mark back exactly as {@code ep + up / pa}. Otherwise the last known mark is kept.
 * Not thread-safe: used by the connector's single stream-processing thread.
 */
public final class BinancePositionBook {
    private final Function<String, InstrumentKey> keys;
    private final Map<String, Map<String, Double>> amounts = new LinkedHashMap<>();
    private final Map<String, Double> marks = new HashMap<>();

    public BinancePositionBook(Function<String, InstrumentKey> keys) {
        this.keys = keys;
    }

    /** Replaces everything with a positionRisk snapshot; returns the netted positions (non-zero and zero rows). */
    public List<Position> reset(List<PositionRow> rows) {
        amounts.clear();
        marks.clear();
        return update(rows);
    }

    /** Applies the changed rows of one ACCOUNT_UPDATE; returns one netted position per symbol touched. */
    public List<Position> update(List<PositionRow> rows) {
        List<String> touched = new ArrayList<>(rows.size());
        for (PositionRow r : rows) {
            apply(r);
            if (!touched.contains(r.symbol())) {
                touched.add(r.symbol());
            }
        }
        List<Position> out = new ArrayList<>(touched.size());
        for (String symbol : touched) {
            out.add(position(symbol));
        }
        return out;
    }

    /** Every symbol's netted position, flat ones included. */
    public List<Position> all() {
        List<Position> out = new ArrayList<>(amounts.size());
        for (String symbol : amounts.keySet()) {
            out.add(position(symbol));
        }
        return out;
    }

    /** Records a mark price learned elsewhere (positionRisk polling, MARGIN_CALL). */
    public void mark(String symbol, double markPrice) {
        if (markPrice > 0) {
            marks.put(symbol, markPrice);
        }
    }

    /** Signed quantity of one position side (BOTH, LONG, SHORT), 0 when unknown. */
    public double amount(String symbol, String positionSide) {
        Map<String, Double> sides = amounts.get(symbol);
        return sides == null ? 0 : sides.getOrDefault(positionSide, 0.0);
    }

    private void apply(PositionRow r) {
        amounts.computeIfAbsent(r.symbol(), s -> new HashMap<>(4)).put(r.positionSide(), r.amount());
        if (r.markPrice() > 0) {
            marks.put(r.symbol(), r.markPrice());
        } else if (r.amount() != 0 && r.entryPrice() > 0 && !Double.isNaN(r.unrealizedPnl())) {
            double implied = r.entryPrice() + r.unrealizedPnl() / r.amount();
            if (implied > 0) {
                marks.put(r.symbol(), implied);
            }
        }
    }

    private Position position(String symbol) {
        double net = 0;
        for (double a : amounts.get(symbol).values()) {
            net += a;
        }
        return new Position(keys.apply(symbol), net, marks.getOrDefault(symbol, Double.NaN), Double.NaN);
    }
}
