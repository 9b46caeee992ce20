package io.legwatch.flatten;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.VenueConnector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A small in-memory venue for flatten unit tests (the required scenarios run against the simulator). */
final class FakeVenue implements VenueConnector, OrderGateway {
    final VenueId id;
    final Map<String, Instrument> instruments = new LinkedHashMap<>();
    final Map<String, Double> positions = new LinkedHashMap<>();
    final List<Order> open = new ArrayList<>();
    final List<OrderRequest> received = new ArrayList<>();
    final Map<String, Order> byClientId = new LinkedHashMap<>();
    int rejectNext;
    boolean down;
    boolean swallowAcks;
    double maxFillPerOrder = Double.MAX_VALUE;

    FakeVenue(String id) {
        this.id = VenueId.of(id);
    }

    FakeVenue instrument(String symbol, double qty) {
        instruments.put(symbol, new Instrument(id, symbol, "BTC", InstrumentKind.LINEAR, 1, 0.001));
        positions.put(symbol, qty);
        return this;
    }

    InstrumentKey key(String symbol) {
        return new InstrumentKey(id, symbol);
    }

    @Override
    public VenueId venue() {
        return id;
    }

    @Override
    public void start(Consumer<VenueEvent> sink) {
    }

    @Override
    public void stop() {
    }

    @Override
    public synchronized CompletableFuture<List<Instrument>> instruments() {
        return down ? fail() : CompletableFuture.completedFuture(List.copyOf(instruments.values()));
    }

    @Override
    public synchronized CompletableFuture<List<Position>> fetchPositions() {
        if (down) {
            return fail();
        }
        List<Position> out = new ArrayList<>();
        positions.forEach((s, q) -> out.add(new Position(key(s), q, 50_000, Double.NaN)));
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public synchronized CompletableFuture<List<Order>> fetchOpenOrders() {
        return down ? fail() : CompletableFuture.completedFuture(List.copyOf(open));
    }

    @Override
    public Optional<OrderGateway> orders() {
        return Optional.of(this);
    }

    @Override
    public synchronized CompletableFuture<Order> place(OrderRequest r) {
        if (down) {
            return fail();
        }
        received.add(r);
        Order existing = byClientId.get(r.clientOrderId());
        if (existing != null) {
            return CompletableFuture.completedFuture(existing);
        }
        if (rejectNext > 0) {
            rejectNext--;
            return CompletableFuture.failedFuture(new VenueException(
                    new VenueError(id, VenueError.Kind.REJECTED, "42", "rejected by test")));
        }
        double pos = positions.getOrDefault(r.instrument().symbol(), 0.0);
        double fill = 0;
        if (!r.reduceOnly() || Math.signum(pos) == -r.side().sign()) {
            fill = Math.min(r.qty(), r.reduceOnly() ? Math.abs(pos) : r.qty());
            fill = Math.min(fill, maxFillPerOrder);
            positions.put(r.instrument().symbol(), pos + r.side().sign() * fill);
        }
        Order o = new Order(r.instrument(), "o" + received.size(), r.clientOrderId(), r.side(), r.type(), r.qty(), fill,
                r.limitPrice(), r.reduceOnly(), false, fill >= r.qty() ? OrderState.FILLED : OrderState.EXPIRED, null);
        byClientId.put(r.clientOrderId(), o);
        if (swallowAcks) {
            return new CompletableFuture<>();
        }
        return CompletableFuture.completedFuture(o);
    }

    @Override
    public synchronized CompletableFuture<Integer> cancelAll(InstrumentKey instrument) {
        if (down) {
            return fail();
        }
        int before = open.size();
        open.removeIf(o -> o.instrument().equals(instrument));
        return CompletableFuture.completedFuture(before - open.size());
    }

    @Override
    public CompletableFuture<Void> armDeadMan(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    private <T> CompletableFuture<T> fail() {
        return CompletableFuture.failedFuture(new VenueException(
                new VenueError(id, VenueError.Kind.NETWORK, null, "venue down (test)")));
    }
}
