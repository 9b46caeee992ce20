package io.legwatch.bench;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
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
 * A production connector seen through a stopwatch (bench only): every call the kill switch makes is
 * passed on unchanged and its start and answer are reported to a {@link KillTimeline}, so a kill over
 * the wire can be split into its steps (cancel out, read back, order out, fill seen, verifying read).
 */
final class TimedConnector implements VenueConnector {
    private final VenueConnector delegate;
    private final KillTimeline timeline;
    private final OrderGateway gateway;

    TimedConnector(VenueConnector delegate, KillTimeline timeline) {
        this.delegate = delegate;
        this.timeline = timeline;
        this.gateway = delegate.orders().map(Timed::new).orElse(null);
    }

    @Override
    public VenueId venue() {
        return delegate.venue();
    }

    @Override
    public void start(Consumer<VenueEvent> sink) {
        delegate.start(sink);
    }

    @Override
    public void stop() {
        delegate.stop();
    }

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        long start = System.nanoTime();
        return timeline.track(KillTimeline.Call.INSTRUMENTS, venue(), null, start, delegate.instruments());
    }

    @Override
    public CompletableFuture<List<Position>> fetchPositions() {
        long start = System.nanoTime();
        return timeline.track(KillTimeline.Call.POSITIONS, venue(), null, start, delegate.fetchPositions());
    }

    @Override
    public CompletableFuture<List<Order>> fetchOpenOrders() {
        long start = System.nanoTime();
        return timeline.track(KillTimeline.Call.OPEN_ORDERS, venue(), null, start, delegate.fetchOpenOrders());
    }

    @Override
    public Optional<OrderGateway> orders() {
        return Optional.ofNullable(gateway);
    }

    private final class Timed implements OrderGateway {
        private final OrderGateway inner;

        Timed(OrderGateway inner) {
            this.inner = inner;
        }

        @Override
        public CompletableFuture<Order> place(OrderRequest request) {
            long start = System.nanoTime();
            return timeline.track(KillTimeline.Call.PLACE, venue(), request.instrument(), start, inner.place(request));
        }

        @Override
        public CompletableFuture<Integer> cancelAll(InstrumentKey instrument) {
            long start = System.nanoTime();
            return timeline.track(KillTimeline.Call.CANCEL, venue(), instrument, start, inner.cancelAll(instrument));
        }

        @Override
        public CompletableFuture<Void> armDeadMan(Duration timeout) {
            return inner.armDeadMan(timeout);
        }
    }
}
