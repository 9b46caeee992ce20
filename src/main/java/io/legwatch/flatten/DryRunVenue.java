package io.legwatch.flatten;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.VenueConnector;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An in-memory stand-in for one venue, for the kill path's {@link KillDryRun}: it holds one position,
 * fills every order against it at once and answers every read from memory. It has no network, no
 * connector and no gateway behind it, so nothing it is asked reaches a venue.
 */
final class DryRunVenue implements VenueConnector, OrderGateway {
    private final Instrument instrument;
    private volatile double qty;

    DryRunVenue(Instrument instrument, double qty) {
        this.instrument = instrument;
        this.qty = qty;
    }

    @Override
    public VenueId venue() {
        return instrument.venue();
    }

    @Override
    public void start(Consumer<VenueEvent> sink) {
    }

    @Override
    public void stop() {
    }

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        return CompletableFuture.completedFuture(List.of(instrument));
    }

    @Override
    public CompletableFuture<List<Position>> fetchPositions() {
        return CompletableFuture.completedFuture(List.of(new Position(instrument.key(), qty, 100, Double.NaN)));
    }

    @Override
    public CompletableFuture<List<Order>> fetchOpenOrders() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public Optional<OrderGateway> orders() {
        return Optional.of(this);
    }

    @Override
    public synchronized CompletableFuture<Order> place(OrderRequest r) {
        double fill = Math.min(r.qty(), Math.abs(qty));
        qty += r.side().sign() * fill;
        return CompletableFuture.completedFuture(new Order(r.instrument(), "dry-" + r.clientOrderId(), r.clientOrderId(),
                r.side(), r.type(), r.qty(), fill, r.limitPrice(), r.reduceOnly(), false, OrderState.FILLED, null));
    }

    @Override
    public CompletableFuture<Integer> cancelAll(InstrumentKey key) {
        return CompletableFuture.completedFuture(0);
    }

    @Override
    public CompletableFuture<Void> armDeadMan(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }
}
