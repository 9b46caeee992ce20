package io.legwatch.sim;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueId;

import java.util.List;

/**
 * Everything a client fetches after (re)connecting to one venue account, taken atomically.
 *
 * @param positions  non-flat positions only: an instrument absent here is flat
 * @param openOrders open orders including conditional (stop) orders
 * @param link       the link state at the moment the snapshot was taken
 */
public record VenueSnapshot(VenueId venue, List<Instrument> instruments, List<Position> positions,
                            List<Order> openOrders, SimLink link, long venueTimeMs) {
    public VenueSnapshot {
        instruments = List.copyOf(instruments);
        positions = List.copyOf(positions);
        openOrders = List.copyOf(openOrders);
    }
}
