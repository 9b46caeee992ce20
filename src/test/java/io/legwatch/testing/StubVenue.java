package io.legwatch.testing;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.VenueConnector;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A venue for tests that need only part of one: no stream, nothing listed, nothing held, no order
 * path. A test overrides what it is about (a read it holds open, a gateway it watches) and nothing else.
 */
public class StubVenue implements VenueConnector {
    private final VenueId venue;

    public StubVenue(VenueId venue) {
        this.venue = venue;
    }

    @Override
    public VenueId venue() {
        return venue;
    }

    @Override
    public void start(Consumer<VenueEvent> sink) {
    }

    @Override
    public void stop() {
    }

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<List<Position>> fetchPositions() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<List<Order>> fetchOpenOrders() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public Optional<OrderGateway> orders() {
        return Optional.empty();
    }
}
