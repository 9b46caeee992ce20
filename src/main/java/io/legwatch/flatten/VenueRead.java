package io.legwatch.flatten;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;

import java.util.List;

/** Positions and open orders fetched from one venue after a given instant (never from the stream). */
record VenueRead(List<Position> positions, List<Order> openOrders, long startedNanos) {
    VenueRead {
        positions = List.copyOf(positions);
        openOrders = List.copyOf(openOrders);
    }

    /** Signed quantity; an instrument the venue does not list is flat (the port's snapshot contract). */
    double qty(InstrumentKey key) {
        for (Position p : positions) {
            if (p.instrument().equals(key)) {
                return p.qty();
            }
        }
        return 0;
    }

    double mark(InstrumentKey key) {
        for (Position p : positions) {
            if (p.instrument().equals(key)) {
                return p.markPrice();
            }
        }
        return Double.NaN;
    }

    List<Order> openOrders(InstrumentKey key) {
        return openOrders.stream().filter(o -> o.instrument().equals(key) && o.state().live()).toList();
    }
}
