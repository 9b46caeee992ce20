package io.legwatch.bench;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueId;
import io.legwatch.testing.StubVenue;
import io.legwatch.venue.OrderGateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A venue that answers at once and records when each request was handed to it: isolates the kill
 * switch's own dispatch cost (200 legs on 4 venues is more than the simulator's 3 x 6 listings).
 * The simulator is measured separately, end to end, in {@link KillSwitchBenchmark}.
 */
final class KillBenchVenue extends StubVenue implements OrderGateway {
    private final VenueId id;
    private final List<Instrument> instruments = new ArrayList<>();
    private final Map<String, Double> positions = new ConcurrentHashMap<>();
    final AtomicLong lastCancelNanos = new AtomicLong();
    final AtomicLong lastPlaceNanos = new AtomicLong();

    KillBenchVenue(VenueId id, int symbols) {
        super(id);
        this.id = id;
        for (int i = 0; i < symbols; i++) {
            instruments.add(new Instrument(id, "S" + i, "BTC", InstrumentKind.LINEAR, 1, 0.001));
        }
    }

    List<Instrument> listed() {
        return instruments;
    }

    void reset(double qty) {
        instruments.forEach(i -> positions.put(i.symbol(), qty));
        lastCancelNanos.set(0);
        lastPlaceNanos.set(0);
    }

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        return CompletableFuture.completedFuture(instruments);
    }

    @Override
    public CompletableFuture<List<Position>> fetchPositions() {
        List<Position> out = new ArrayList<>();
        positions.forEach((s, q) -> out.add(new Position(new InstrumentKey(id, s), q, 60_000, Double.NaN)));
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public Optional<OrderGateway> orders() {
        return Optional.of(this);
    }

    @Override
    public CompletableFuture<Order> place(OrderRequest r) {
        lastPlaceNanos.accumulateAndGet(System.nanoTime(), Math::max);
        double pos = positions.getOrDefault(r.instrument().symbol(), 0.0);
        double fill = Math.min(r.qty(), Math.abs(pos));
        positions.put(r.instrument().symbol(), pos + r.side().sign() * fill);
        return CompletableFuture.completedFuture(new Order(r.instrument(), r.clientOrderId(), r.clientOrderId(),
                r.side(), r.type(), r.qty(), fill, r.limitPrice(), true, false, OrderState.FILLED, null));
    }

    @Override
    public CompletableFuture<Integer> cancelAll(InstrumentKey instrument) {
        lastCancelNanos.accumulateAndGet(System.nanoTime(), Math::max);
        return CompletableFuture.completedFuture(0);
    }

    @Override
    public CompletableFuture<Void> armDeadMan(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }
}
