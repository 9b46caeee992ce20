package io.legwatch.venue.sim;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.SimLink;
import io.legwatch.sim.SimListener;
import io.legwatch.sim.SimSubscription;
import io.legwatch.sim.VenueSnapshot;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.VenueConnector;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A {@link VenueConnector} straight onto one venue of an in-process {@link SimExchange}: no
 * sockets, for fast tests and a socket-free demo.
 *
 * <p>Behaviour: {@link #start} emits CONNECTING, then (if the venue is up) a {@link VenueEvent.Snapshot}
 * and CONNECTED, then every push of the venue as a VenueEvent stamped with the sim's time and the
 * local {@link System#nanoTime()}. Prices are USD per base unit as the domain defines them: for an
 * option both mark and index of its {@link VenueEvent.PriceUpdate} are the underlying's index (the
 * premium is not a per-base-unit price; {@link SimExchange#markPrice} has it). A disconnect fault emits DOWN; when the venue comes back (reconnect,
 * heal, or the end of a silence) it resynchronises: CONNECTING, a fresh Snapshot, CONNECTED. A silent
 * venue makes it emit nothing at all (staleness is the engine's job). Every order rejection on the
 * account (also of orders other programs sent) is pushed as a {@link VenueEvent.ErrorReport}.
 * Fetches fail with NETWORK while the venue is disconnected; they still answer during a silence
 * (like a REST fallback that works while the stream is half-open).
 *
 * <p>Threading: events are emitted on the thread that drives the simulator (a {@code place} caller
 * or the sim clock), under the simulator lock, so the sink must not block. A monitor-only connector
 * returns no gateway from {@link #orders()} and refuses every order method with READ_ONLY.
 */
public final class InProcessConnector implements VenueConnector, OrderGateway {
    private final SimExchange exchange;
    private final VenueId venue;
    private final boolean monitorOnly;
    private final Set<InstrumentKey> options;
    private SimSubscription subscription;

    /**
     * @param monitorOnly true for a read-only setup: {@link #orders()} is empty and no method sends an order
     */
    public InProcessConnector(SimExchange exchange, VenueId venue, boolean monitorOnly) {
        this.exchange = exchange;
        this.venue = venue;
        this.monitorOnly = monitorOnly;
        this.options = exchange.instruments(venue).stream() // also fails fast on an unknown venue
                .filter(i -> i.kind() == InstrumentKind.OPTION).map(Instrument::key).collect(Collectors.toSet());
    }

    /** A trading connector (with an order gateway). */
    public InProcessConnector(SimExchange exchange, VenueId venue) {
        this(exchange, venue, false);
    }

    @Override
    public VenueId venue() {
        return venue;
    }

    @Override
    public synchronized void start(Consumer<VenueEvent> sink) {
        if (subscription != null) {
            throw new IllegalStateException(venue + " connector already started");
        }
        sink.accept(status(ConnectionState.CONNECTING, "connecting to in-process simulator"));
        subscription = exchange.subscribe(venue, new Forwarder(sink));
    }

    @Override
    public synchronized void stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    @Override
    public CompletableFuture<List<Instrument>> instruments() {
        return query(() -> exchange.instruments(venue));
    }

    @Override
    public CompletableFuture<List<Position>> fetchPositions() {
        return query(() -> exchange.positions(venue));
    }

    @Override
    public CompletableFuture<List<Order>> fetchOpenOrders() {
        return query(() -> exchange.openOrders(venue));
    }

    @Override
    public Optional<OrderGateway> orders() {
        return monitorOnly ? Optional.empty() : Optional.of(this);
    }

    @Override
    public CompletableFuture<Order> place(OrderRequest request) {
        if (monitorOnly) {
            return readOnly();
        }
        if (!request.instrument().venue().equals(venue)) {
            return CompletableFuture.failedFuture(new VenueException(new VenueError(venue, VenueError.Kind.REJECTED,
                    null, "order for " + request.instrument() + " sent to the " + venue + " connector")));
        }
        return exchange.place(request);
    }

    @Override
    public CompletableFuture<Integer> cancelAll(InstrumentKey instrument) {
        if (monitorOnly) {
            return readOnly();
        }
        return exchange.cancelAll(instrument);
    }

    /** Implemented by the simulator: it cancels every open order if not refreshed within {@code timeout}. */
    @Override
    public CompletableFuture<Void> armDeadMan(Duration timeout) {
        if (monitorOnly) {
            return readOnly();
        }
        return exchange.armDeadMan(venue, timeout);
    }

    private <T> CompletableFuture<T> readOnly() {
        return CompletableFuture.failedFuture(new VenueException(new VenueError(venue, VenueError.Kind.READ_ONLY,
                null, venue + " is configured monitor-only: no orders are sent")));
    }

    private <T> CompletableFuture<T> query(Supplier<T> read) {
        if (exchange.faults(venue).isDisconnected()) {
            return CompletableFuture.failedFuture(new VenueException(new VenueError(venue, VenueError.Kind.NETWORK,
                    null, venue + " is unreachable (simulated disconnect)")));
        }
        return CompletableFuture.completedFuture(read.get());
    }

    private VenueEvent.StatusChange status(ConnectionState state, String detail) {
        return new VenueEvent.StatusChange(venue, state, detail, exchange.nowMs(), System.nanoTime());
    }

    /** Turns the simulator's pushes into VenueEvents; runs under the simulator lock. */
    private final class Forwarder implements SimListener {
        private final Consumer<VenueEvent> sink;

        Forwarder(Consumer<VenueEvent> sink) {
            this.sink = sink;
        }

        @Override
        public void onSubscribed(VenueSnapshot snapshot) {
            switch (snapshot.link()) {
                case UP -> connected(snapshot, "connected");
                case DOWN -> sink.accept(status(ConnectionState.DOWN, venue + " is unreachable (simulated disconnect)"));
                case SILENT -> { } // a half-open venue answers nothing; the engine sees no data
            }
        }

        @Override
        public void onLink(VenueId v, SimLink link, String detail, long venueTimeMs) {
            switch (link) {
                case DOWN -> sink.accept(new VenueEvent.StatusChange(venue, ConnectionState.DOWN, detail, venueTimeMs,
                        System.nanoTime()));
                case UP -> {
                    // resync, never assume: whatever happened while we were away is in the fresh snapshot
                    sink.accept(new VenueEvent.StatusChange(venue, ConnectionState.CONNECTING, "reconnecting: " + detail,
                            venueTimeMs, System.nanoTime()));
                    connected(exchange.snapshot(venue), "reconnected, resynchronised from a fresh snapshot");
                }
                case SILENT -> { } // silent means silent: not even a status change
            }
        }

        private void connected(VenueSnapshot s, String detail) {
            sink.accept(new VenueEvent.Snapshot(venue, s.instruments(), s.positions(), s.openOrders(), s.venueTimeMs(),
                    System.nanoTime()));
            sink.accept(new VenueEvent.StatusChange(venue, ConnectionState.CONNECTED, detail, s.venueTimeMs(),
                    System.nanoTime()));
        }

        @Override
        public void onPosition(Position position, long venueTimeMs) {
            sink.accept(new VenueEvent.PositionUpdate(position, venueTimeMs, System.nanoTime()));
        }

        @Override
        public void onOrder(Order order, long venueTimeMs) {
            sink.accept(new VenueEvent.OrderUpdate(order, venueTimeMs, System.nanoTime()));
        }

        @Override
        public void onFill(Fill fill, long venueTimeMs) {
            sink.accept(new VenueEvent.FillEvent(fill, venueTimeMs, System.nanoTime()));
        }

        @Override
        public void onPrice(InstrumentKey instrument, double markPrice, double indexPrice, long venueTimeMs) {
            // PriceUpdate prices are USD per base unit: for an option that is the underlying, not the premium
            double mark = options.contains(instrument) ? indexPrice : markPrice;
            sink.accept(new VenueEvent.PriceUpdate(instrument, mark, indexPrice, venueTimeMs, System.nanoTime()));
        }

        @Override
        public void onRejection(VenueError error, long venueTimeMs) {
            sink.accept(new VenueEvent.ErrorReport(error, venueTimeMs, System.nanoTime()));
        }

        @Override
        public void onHeartbeat(VenueId v, long venueTimeMs) {
            sink.accept(new VenueEvent.Heartbeat(venue, venueTimeMs, System.nanoTime()));
        }
    }
}
