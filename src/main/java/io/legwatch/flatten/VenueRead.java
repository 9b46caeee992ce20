package io.legwatch.flatten;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Positions and open orders fetched from one venue after a given instant (never from the stream).
 * One read answers every leg on the venue (up to hundreds in a global kill), so it is indexed by
 * instrument once instead of being scanned by each leg.
 */
final class VenueRead {
    private final List<Position> positions;
    private final List<Order> openOrders;
    private final long startedNanos;
    private final Map<InstrumentKey, Position> byInstrument = new HashMap<>();
    private final Map<InstrumentKey, List<Order>> liveByInstrument = new HashMap<>();

    VenueRead(List<Position> positions, List<Order> openOrders, long startedNanos) {
        this.positions = List.copyOf(positions);
        this.openOrders = List.copyOf(openOrders);
        this.startedNanos = startedNanos;
        for (Position p : this.positions) {
            byInstrument.putIfAbsent(p.instrument(), p); // the first row counts, as it always has
        }
        for (Order o : this.openOrders) {
            if (o.state().live()) {
                liveByInstrument.computeIfAbsent(o.instrument(), k -> new ArrayList<>(2)).add(o);
            }
        }
    }

    List<Position> positions() {
        return positions;
    }

    List<Order> openOrders() {
        return openOrders;
    }

    long startedNanos() {
        return startedNanos;
    }

    /** Signed quantity; an instrument the venue does not list is flat (the port's snapshot contract). */
    double qty(InstrumentKey key) {
        Position p = byInstrument.get(key);
        return p == null ? 0 : p.qty();
    }

    double mark(InstrumentKey key) {
        Position p = byInstrument.get(key);
        return p == null ? Double.NaN : p.markPrice();
    }

    /** Live open orders on one instrument. */
    List<Order> openOrders(InstrumentKey key) {
        List<Order> live = liveByInstrument.get(key);
        return live == null ? List.of() : List.copyOf(live);
    }
}
