package io.legwatch.venue.bybit;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.protocol.bybit.BybitFrontEnd;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.net.Credentials;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The production {@link BybitConnector} against the simulator's {@link BybitFrontEnd} over loopback:
 * real sockets, real signatures, Bybit's wire shapes. Waits poll with a generous timeout.
 */
class BybitLoopbackTest {
    private static final VenueId A = SimExchange.SIM_A;
    private static final InstrumentKey BTCUSDT = new InstrumentKey(A, SimExchange.BTC_LINEAR);
    private static final InstrumentKey BTCINV = new InstrumentKey(A, SimExchange.BTC_INVERSE);
    private static final List<BybitConfig.Scope> SCOPES = List.of(new BybitConfig.Scope("linear", "USDT"),
            new BybitConfig.Scope("inverse", null), new BybitConfig.Scope("spot", null),
            new BybitConfig.Scope("option", null));

    private final SimExchange exchange = new SimExchange(42, System.currentTimeMillis());
    private final List<VenueEvent> events = new CopyOnWriteArrayList<>();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(3, TimeUnit.SECONDS).build();
    private BybitFrontEnd frontEnd;
    private BybitConnector connector;
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        frontEnd = new BybitFrontEnd(exchange, A, "test-key", "test-secret", TimeSource.SYSTEM);
        port = frontEnd.start(0);
        // state that exists before Legwatch connects
        exchange.place(OrderRequest.market(BTCUSDT, Side.BUY, 0.5, false, "seed-long")).join();
        exchange.place(OrderRequest.market(BTCINV, Side.SELL, 30, false, "seed-short")).join();
        exchange.place(new OrderRequest(BTCUSDT, Side.SELL, 0.1, OrderType.LIMIT, 200_000, false, "resting")).join();
        exchange.placeStop(new OrderRequest(BTCUSDT, Side.SELL, 0.1, OrderType.MARKET, Double.NaN, true, "stop"),
                1_000).join();
    }

    @AfterEach
    void tearDown() {
        if (connector != null) {
            connector.stop();
        }
        frontEnd.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private BybitConnector connect(String secret) {
        BybitConfig config = BybitConfig.loopback(A, port, true).withScopes(SCOPES)
                .withTimings(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofSeconds(4), Duration.ofMillis(300));
        connector = new BybitConnector(config, Credentials.of("test-key", secret), http, TimeSource.SYSTEM, new Random(7));
        connector.start(events::add);
        return connector;
    }

    private OrderGateway gateway() {
        return connector.orders().orElseThrow();
    }

    // ---- helpers ----

    private <T extends VenueEvent> T await(Class<T> type, Predicate<T> match) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int from = 0;
        while (System.nanoTime() < deadline) {
            List<VenueEvent> seen = List.copyOf(events);
            for (int i = from; i < seen.size(); i++) {
                if (type.isInstance(seen.get(i)) && match.test(type.cast(seen.get(i)))) {
                    return type.cast(seen.get(i));
                }
            }
            sleep(10);
        }
        throw new AssertionError("timed out waiting for a " + type.getSimpleName() + "; saw " + events);
    }

    private void awaitStatus(ConnectionState state) {
        await(VenueEvent.StatusChange.class, s -> s.state() == state);
    }

    private int count(Class<? extends VenueEvent> type) {
        return (int) events.stream().filter(type::isInstance).count();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Position position(VenueEvent.Snapshot s, InstrumentKey key) {
        return s.positions().stream().filter(p -> p.instrument().equals(key)).findFirst().orElseThrow();
    }

    private static VenueError errorOf(CompletableFuture<?> f) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(f::join);
        assertThat(t).hasCauseInstanceOf(VenueException.class);
        return ((VenueException) t.getCause()).error();
    }

    // ---- tests ----

    @Test
    void snapshotThenConnectedWithBybitUnits() {
        connect("test-secret");
        VenueEvent.Snapshot snap = await(VenueEvent.Snapshot.class, s -> true);
        awaitStatus(ConnectionState.CONNECTED);

        assertThat(snap.instruments()).contains(new Instrument(A, "BTCUSDT", "BTC", InstrumentKind.LINEAR, 1.0, 0.001),
                new Instrument(A, "BTC-PERPETUAL", "BTC", InstrumentKind.INVERSE, 1.0, 10.0),
                new Instrument(A, "BTC-USD", "BTC", InstrumentKind.SPOT, 1.0, 0.001));
        assertThat(position(snap, BTCUSDT).qty()).isCloseTo(0.5, within(1e-9));
        // 30 simulated 10-USD contracts short are 300 USD short on Bybit's inverse wire
        Position inverse = position(snap, BTCINV);
        assertThat(inverse.qty()).isCloseTo(-300, within(1e-9));
        Instrument inv = snap.instruments().stream().filter(i -> i.symbol().equals("BTC-PERPETUAL")).findFirst().orElseThrow();
        Position simInverse = exchange.position(BTCINV);
        assertThat(inv.baseDelta(inverse.qty(), inverse.markPrice(), Double.NaN))
                .isCloseTo(simInverse.qty() * 10 / simInverse.markPrice(), within(1e-9));
        assertThat(snap.openOrders()).extracting(Order::clientOrderId).containsExactlyInAnyOrder("resting", "stop");
        assertThat(snap.openOrders()).filteredOn(Order::conditional).extracting(Order::clientOrderId)
                .containsExactly("stop");
        // the snapshot comes before CONNECTED
        assertThat(events.indexOf(snap)).isLessThan(events.indexOf(
                await(VenueEvent.StatusChange.class, s -> s.state() == ConnectionState.CONNECTED)));
    }

    @Test
    void streamUpdatesReduceOnlyOrdersAndCancelAll() {
        connect("test-secret");
        awaitStatus(ConnectionState.CONNECTED);

        // a fill somewhere else on the account streams in as fill, order and position
        exchange.place(OrderRequest.market(BTCUSDT, Side.SELL, 0.2, false, "other-desk")).join();
        await(VenueEvent.FillEvent.class, f -> "other-desk".equals(f.fill().clientOrderId()) && f.fill().side() == Side.SELL);
        await(VenueEvent.OrderUpdate.class, o -> "other-desk".equals(o.order().clientOrderId())
                && o.order().state() == OrderState.FILLED);
        await(VenueEvent.PositionUpdate.class, p -> p.position().instrument().equals(BTCUSDT)
                && Math.abs(p.position().qty() - 0.3) < 1e-9);

        // reduce-only market flattens the linear leg
        Order ack = gateway().place(OrderRequest.market(BTCUSDT, Side.SELL, 0.3, true, "lw-flat-1")).join();
        assertThat(ack.orderId()).isNotBlank();
        assertThat(ack.clientOrderId()).isEqualTo("lw-flat-1");
        await(VenueEvent.PositionUpdate.class, p -> p.position().instrument().equals(BTCUSDT) && p.position().qty() == 0);
        assertThat(exchange.position(BTCUSDT).qty()).isZero();

        // reduce-only IOC limit on the inverse leg, sized in Bybit's USD units
        gateway().place(new OrderRequest(BTCINV, Side.BUY, 300, OrderType.LIMIT_IOC, 1_000_000, true, "lw-flat-2")).join();
        await(VenueEvent.PositionUpdate.class, p -> p.position().instrument().equals(BTCINV) && p.position().qty() == 0);
        assertThat(exchange.position(BTCINV).qty()).isZero();

        // nothing left to reduce: Bybit's reduce-only refusal, typed
        VenueError refused = errorOf(gateway().place(OrderRequest.market(BTCUSDT, Side.SELL, 0.1, true, "lw-flat-3")));
        assertThat(refused.kind()).isEqualTo(VenueError.Kind.REJECTED);
        assertThat(refused.code()).isEqualTo("110017");
        // a resend of a used client id cannot open a second order
        VenueError dup = errorOf(gateway().place(OrderRequest.market(BTCUSDT, Side.BUY, 0.1, false, "lw-flat-1")));
        assertThat(dup.code()).isEqualTo("110072");

        // cancel-all covers the resting limit and the untriggered stop
        assertThat(gateway().cancelAll(BTCUSDT).join()).isEqualTo(2);
        assertThat(exchange.openOrders(A)).isEmpty();
        await(VenueEvent.OrderUpdate.class, o -> "stop".equals(o.order().clientOrderId())
                && o.order().state() == OrderState.CANCELED);
    }

    @Test
    void resendingAClientIdReturnsTheExistingOrderInsteadOfASecondOne() {
        connect("test-secret");
        awaitStatus(ConnectionState.CONNECTED);
        OrderRequest limit = new OrderRequest(BTCUSDT, Side.BUY, 0.01, OrderType.LIMIT, 1_000, false, "lw-rest-1");
        Order first = gateway().place(limit).join();
        Order again = gateway().place(limit).join();

        assertThat(again.orderId()).isEqualTo(first.orderId());
        assertThat(again.state()).isEqualTo(OrderState.NEW);
        assertThat(exchange.openOrders(A)).filteredOn(o -> o.orderId().equals(first.orderId())).hasSize(1);
        assertThat(exchange.openOrders(A)).hasSize(3);
    }

    @Test
    void disconnectThenResyncFromAFreshSnapshot() {
        connect("test-secret");
        awaitStatus(ConnectionState.CONNECTED);

        // the stream misses a fill (half-open link), then the link drops
        exchange.faults(A).goSilent();
        // (the simulator withholds the ack while silent and loses it when the link drops; the order executes)
        CompletableFuture<Order> missed = exchange.place(OrderRequest.market(BTCUSDT, Side.BUY, 0.25, false, "missed"));
        exchange.faults(A).disconnect();
        assertThat(missed).isCompletedExceptionally();
        awaitStatus(ConnectionState.DOWN);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (frontEnd.connections() > 0 && System.nanoTime() < deadline) {
            sleep(10); // the server side notices the dropped socket on its own thread
        }
        assertThat(frontEnd.connections()).isZero();

        exchange.faults(A).reconnect();
        VenueEvent.Snapshot resync = await(VenueEvent.Snapshot.class,
                s -> Math.abs(position(s, BTCUSDT).qty() - 0.75) < 1e-9);
        assertThat(count(VenueEvent.Snapshot.class)).isGreaterThanOrEqualTo(2);
        assertThat(resync.openOrders()).hasSize(2);

        // streaming works again once the new socket is CONNECTED (until then REST polling reports DEGRADED)
        int down = events.indexOf(await(VenueEvent.StatusChange.class, s -> s.state() == ConnectionState.DOWN));
        await(VenueEvent.StatusChange.class, s -> s.state() == ConnectionState.CONNECTED && events.indexOf(s) > down);
        exchange.place(OrderRequest.market(BTCUSDT, Side.SELL, 0.05, false, "after")).join();
        await(VenueEvent.FillEvent.class, f -> "after".equals(f.fill().clientOrderId()));
    }

    @Test
    void streamDownRestUpIsDegradedWithPolledSnapshots() {
        connect("test-secret");
        awaitStatus(ConnectionState.CONNECTED);
        frontEnd.refuseStreams(true);
        VenueEvent.StatusChange degraded = await(VenueEvent.StatusChange.class,
                s -> s.state() == ConnectionState.DEGRADED);
        assertThat(degraded.detail()).contains("polled over REST");
        // a change the stream cannot deliver shows up in a polled snapshot
        exchange.place(OrderRequest.market(BTCUSDT, Side.BUY, 0.05, false, "while-polling")).join();
        await(VenueEvent.Snapshot.class, s -> events.indexOf(s) > events.indexOf(degraded)
                && Math.abs(position(s, BTCUSDT).qty() - 0.55) < 1e-9);

        frontEnd.refuseStreams(false);
        await(VenueEvent.StatusChange.class, s -> s.state() == ConnectionState.CONNECTED
                && events.indexOf(s) > events.indexOf(degraded));
    }

    @Test
    void silenceIsReportedStale() {
        connect("test-secret");
        awaitStatus(ConnectionState.CONNECTED);
        exchange.faults(A).goSilent();
        awaitStatus(ConnectionState.STALE);
        exchange.faults(A).endSilence();
        await(VenueEvent.StatusChange.class, s -> s.state() == ConnectionState.CONNECTED
                && events.indexOf(s) > events.indexOf(await(VenueEvent.StatusChange.class,
                x -> x.state() == ConnectionState.STALE)));
    }

    @Test
    void rateLimitAnswerIsTypedAndBacksOff() {
        connect("test-secret");
        awaitStatus(ConnectionState.CONNECTED);

        frontEnd.rateLimitNext(1);
        VenueError limited = errorOf(connector.fetchPositions());
        assertThat(limited.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(limited.code()).isEqualTo("10006");
        assertThat(limited.message()).isEqualTo("Too many visits!");
        // the gate holds further calls back instead of hammering the venue
        assertThat(errorOf(connector.fetchPositions()).kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<Position> positions = null;
        while (positions == null && System.nanoTime() < deadline) {
            try {
                positions = connector.fetchPositions().join();
            } catch (RuntimeException e) {
                sleep(100);
            }
        }
        assertThat(positions).isNotNull();
    }

    @Test
    void malformedFrameIsReportedAndTheStreamGoesOn() {
        connect("test-secret");
        awaitStatus(ConnectionState.CONNECTED);

        frontEnd.sendMalformed();
        VenueEvent.ErrorReport report = await(VenueEvent.ErrorReport.class,
                e -> e.error().kind() == VenueError.Kind.MALFORMED);
        assertThat(report.error().message()).contains("malformed");
        assertThat(connector.counters().malformedCount()).isEqualTo(1);

        exchange.place(OrderRequest.market(BTCUSDT, Side.BUY, 0.01, false, "still-streaming")).join();
        await(VenueEvent.FillEvent.class, f -> "still-streaming".equals(f.fill().clientOrderId()));
    }

    @Test
    void duplicatedAndReorderedPushesEndAtTheVenuesState() {
        connect("test-secret");
        awaitStatus(ConnectionState.CONNECTED);
        frontEnd.duplicatePushes(true);
        exchange.place(OrderRequest.market(BTCUSDT, Side.BUY, 0.1, false, "dup")).join();
        await(VenueEvent.PositionUpdate.class, p -> Math.abs(p.position().qty() - 0.6) < 1e-9);
        frontEnd.duplicatePushes(false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (events.stream().filter(e -> e instanceof VenueEvent.FillEvent f
                && "dup".equals(f.fill().clientOrderId())).count() < 2 && System.nanoTime() < deadline) {
            sleep(10); // the copy follows the original
        }
        assertThat(events.stream().filter(e -> e instanceof VenueEvent.FillEvent f
                && "dup".equals(f.fill().clientOrderId())).count()).isEqualTo(2);
        await(VenueEvent.PositionUpdate.class, p -> Math.abs(p.position().qty() - 0.6) < 1e-9);

        // the simulator pushes fill, order, position; the first two swap places on the wire
        frontEnd.reorderNextPushes(1);
        exchange.place(OrderRequest.market(BTCUSDT, Side.BUY, 0.1, false, "swapped")).join();
        VenueEvent.FillEvent fill = await(VenueEvent.FillEvent.class, f -> "swapped".equals(f.fill().clientOrderId()));
        VenueEvent.OrderUpdate order = await(VenueEvent.OrderUpdate.class,
                o -> "swapped".equals(o.order().clientOrderId()));
        assertThat(events.indexOf(order)).isLessThan(events.indexOf(fill));
        await(VenueEvent.PositionUpdate.class, p -> Math.abs(p.position().qty() - 0.7) < 1e-9);
    }

    @Test
    void wrongSecretIsAnAuthErrorAndNeverConnected() {
        connect("wrong-secret");
        // the WebSocket auth answer is Bybit's refusal text (REST polls may report their own 10004 meanwhile)
        VenueEvent.ErrorReport report = await(VenueEvent.ErrorReport.class,
                e -> e.error().kind() == VenueError.Kind.AUTH && e.error().message().contains("auth"));
        assertThat(report.error().message()).contains("signature verification failed");
        assertThat(events).noneMatch(e -> e instanceof VenueEvent.StatusChange s && s.state() == ConnectionState.CONNECTED);

        VenueError rest = errorOf(connector.fetchPositions());
        assertThat(rest.kind()).isEqualTo(VenueError.Kind.AUTH);
        assertThat(rest.code()).isEqualTo("10004");
    }

    @Test
    void monitorOnlyHasNoOrderPath() {
        BybitConfig config = BybitConfig.loopback(A, port, false).withScopes(SCOPES);
        BybitConnector monitor = new BybitConnector(config, Credentials.of("test-key", "test-secret"), http,
                TimeSource.SYSTEM, new Random(1));
        assertThat(monitor.orders()).isEmpty();
        assertThat(monitor).isNotInstanceOf(OrderGateway.class);
        monitor.stop();
    }

    @Test
    void deadManCancelsOrdersWhenTheDcpSocketIsGone() {
        connect("test-secret");
        awaitStatus(ConnectionState.CONNECTED);
        gateway().armDeadMan(Duration.ofSeconds(5)).join();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!frontEnd.dcpActive() && System.nanoTime() < deadline) {
            sleep(10); // the dcp topic subscription follows the REST call
        }
        assertThat(frontEnd.dcpActive()).isTrue();
        assertThat(exchange.openOrders(A)).hasSize(2);

        exchange.faults(A).disconnect();
        exchange.advance(Duration.ofSeconds(6));
        assertThat(exchange.openOrders(A)).isEmpty();
    }
}
