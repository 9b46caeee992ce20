package io.legwatch.domain;

import java.util.List;
import java.util.Objects;

/**
 * Everything a venue connector tells the engine. Each event carries the venue account it came
 * from, the venue's own timestamp (epoch ms, 0 when the venue gave none) and the local
 * {@link System#nanoTime()} at which its bytes arrived, so latency can be followed end to end.
 */
public sealed interface VenueEvent {
    VenueId venue();

    long venueTimeMs();

    long recvNanos();

    /**
     * The complete set of positions and open orders on the account, as fetched after (re)connect.
     * Replaces everything known about the venue: a symbol absent here is flat, an order absent here is gone.
     */
    record Snapshot(VenueId venue, List<Instrument> instruments, List<Position> positions, List<Order> openOrders,
                    long venueTimeMs, long recvNanos) implements VenueEvent {
        public Snapshot {
            Objects.requireNonNull(venue, "venue");
            instruments = List.copyOf(instruments);
            positions = List.copyOf(positions);
            openOrders = List.copyOf(openOrders);
        }
    }

    /** One position changed (a zero quantity means it is now flat). */
    record PositionUpdate(Position position, long venueTimeMs, long recvNanos) implements VenueEvent {
        public PositionUpdate {
            Objects.requireNonNull(position, "position");
        }

        @Override
        public VenueId venue() {
            return position.instrument().venue();
        }
    }

    /** One order changed state. */
    record OrderUpdate(Order order, long venueTimeMs, long recvNanos) implements VenueEvent {
        public OrderUpdate {
            Objects.requireNonNull(order, "order");
        }

        @Override
        public VenueId venue() {
            return order.instrument().venue();
        }
    }

    /** An execution. Positions are authoritative; fills are kept for receipts and the journal. */
    record FillEvent(Fill fill, long venueTimeMs, long recvNanos) implements VenueEvent {
        public FillEvent {
            Objects.requireNonNull(fill, "fill");
        }

        @Override
        public VenueId venue() {
            return fill.instrument().venue();
        }
    }

    /** Mark (and index) price of one instrument, in USD per base unit. */
    record PriceUpdate(InstrumentKey instrument, double markPrice, double indexPrice, long venueTimeMs,
                       long recvNanos) implements VenueEvent {
        @Override
        public VenueId venue() {
            return instrument.venue();
        }
    }

    /** The connection changed state; {@code detail} says why in words the trader can read. */
    record StatusChange(VenueId venue, ConnectionState state, String detail, long venueTimeMs, long recvNanos)
            implements VenueEvent {
        public StatusChange {
            Objects.requireNonNull(venue, "venue");
            Objects.requireNonNull(state, "state");
            detail = detail == null ? "" : detail;
        }
    }

    /** The venue is alive (a heartbeat, pong or any message that carries no state). */
    record Heartbeat(VenueId venue, long venueTimeMs, long recvNanos) implements VenueEvent {
    }

    /** A venue error that the trader must see (rejection, rate limit, malformed message). */
    record ErrorReport(VenueError error, long venueTimeMs, long recvNanos) implements VenueEvent {
        @Override
        public VenueId venue() {
            return error.venue();
        }
    }
}
