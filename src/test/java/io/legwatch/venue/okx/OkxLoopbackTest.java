package io.legwatch.venue.okx;

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
import io.legwatch.sim.protocol.okx.OkxFrontEnd;
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
 * The production {@link OkxConnector} against the simulator's {@link OkxFrontEnd} over loopback:
 * real sockets, real signatures, OKX's wire shapes. Waits poll with a generous timeout.
 */
class OkxLoopbackTest {
    private static final VenueId A = SimExchange.SIM_A;
    private static final InstrumentKey LINEAR = new InstrumentKey(A, SimExchange.BTC_LINEAR);
    private static final InstrumentKey INVERSE = new InstrumentKey(A, SimExchange.BTC_INVERSE);
    private static final InstrumentKey SPOT = new InstrumentKey(A, SimExchange.BTC_SPOT);

    private final SimExchange exchange = new SimExchange(43, System.currentTimeMillis());
    private final List<VenueEvent> events = new CopyOnWriteArrayList<>();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(3, TimeUnit.SECONDS).build();
    private OkxFrontEnd frontEnd;
    private OkxConnector connector;
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        frontEnd = new OkxFrontEnd(exchange, A, "okx-key", "okx-secret", "okx-pass", TimeSource.SYSTEM);
        port = frontEnd.start(0);
        exchange.place(OrderRequest.market(LINEAR, Side.BUY, 0.5, false, "seed-long")).join();
        exchange.place(OrderRequest.market(INVERSE, Side.SELL, 30, false, "seed-short")).join();
        exchange.place(OrderRequest.market(SPOT, Side.BUY, 0.2, false, "seed-spot")).join();
        exchange.place(new OrderRequest(LINEAR, Side.SELL, 0.1, OrderType.LIMIT, 200_000, false, "resting")).join();
        exchange.placeStop(new OrderRequest(LINEAR, Side.SELL, 0.1, OrderType.MARKET, Double.NaN, true, "stop"),
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

    private OkxConnector connect(String secret) {
        OkxConfig config = OkxConfig.loopback(A, port, true)
                .withTimings(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofSeconds(4), Duration.ofMillis(300));
        connector = new OkxConnector(config, Credentials.of("okx-key", secret, "okx-pass"), http, TimeSource.SYSTEM,
                new Random(7));
        connector.start(events::add);
        return connector;
    }

    private OrderGateway gateway() {
        return connector.orders().orElseThrow();
    }

    private <T extends VenueEvent> T await(Class<T> type, Predicate<T> match) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            for (VenueEvent e : List.copyOf(events)) {
                if (type.isInstance(e) && match.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            sleep(10);
        }
        throw new AssertionError("timed out waiting for a " + type.getSimpleName() + "; saw " + events);
    }

    private void awaitStatus(ConnectionState state) {
        await(VenueEvent.StatusChange.class, s -> s.state() == state);
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

    @Test
    void snapshotThenConnectedWithOkxContracts() {
        connect("okx-secret");
        VenueEvent.Snapshot snap = await(VenueEvent.Snapshot.class, s -> true);
        VenueEvent.StatusChange connected = await(VenueEvent.StatusChange.class,
                s -> s.state() == ConnectionState.CONNECTED);
        assertThat(events.indexOf(snap)).isLessThan(events.indexOf(connected));

        assertThat(snap.instruments()).contains(
                new Instrument(A, "BTCUSDT", "BTC", InstrumentKind.LINEAR, 1.0, 0.001),
                new Instrument(A, "BTC-PERPETUAL", "BTC", InstrumentKind.INVERSE, 10.0, 1.0),
                new Instrument(A, "BTC-USD", "BTC", InstrumentKind.SPOT, 1.0, 0.001),
                new Instrument(A, exchange.btcCallSymbol(), "BTC", InstrumentKind.OPTION, 1.0, 0.1));
        assertThat(position(snap, LINEAR).qty()).isCloseTo(0.5, within(1e-9));
        assertThat(position(snap, INVERSE).qty()).isCloseTo(-30, within(1e-9));
        // the spot holding arrives as a MARGIN position in the base currency
        assertThat(position(snap, SPOT).qty()).isCloseTo(0.2, within(1e-9));
        assertThat(snap.openOrders()).extracting(Order::clientOrderId).containsExactlyInAnyOrder("resting", "stop");
        assertThat(snap.openOrders()).filteredOn(Order::conditional).extracting(Order::clientOrderId)
                .containsExactly("stop");
    }

    @Test
    void streamUpdatesReduceOnlyOrdersAndCancelAll() {
        connect("okx-secret");
        awaitStatus(ConnectionState.CONNECTED);

        exchange.place(OrderRequest.market(LINEAR, Side.SELL, 0.2, false, "otherdesk")).join();
        await(VenueEvent.FillEvent.class, f -> "otherdesk".equals(f.fill().clientOrderId()) && f.fill().side() == Side.SELL);
        await(VenueEvent.OrderUpdate.class, o -> "otherdesk".equals(o.order().clientOrderId())
                && o.order().state() == OrderState.FILLED);
        await(VenueEvent.PositionUpdate.class, p -> p.position().instrument().equals(LINEAR)
                && Math.abs(p.position().qty() - 0.3) < 1e-9);

        // our client id has dashes: it goes out as OKX's alphanumeric clOrdId
        Order ack = gateway().place(OrderRequest.market(LINEAR, Side.SELL, 0.3, true, "lw-flat-1")).join();
        assertThat(ack.orderId()).isNotBlank();
        assertThat(ack.clientOrderId()).isEqualTo(OkxClientIds.clOrdId("lw-flat-1"));
        await(VenueEvent.PositionUpdate.class, p -> p.position().instrument().equals(LINEAR) && p.position().qty() == 0);
        assertThat(exchange.position(LINEAR).qty()).isZero();

        gateway().place(new OrderRequest(INVERSE, Side.BUY, 30, OrderType.LIMIT_IOC, 1_000_000, true, "lw-flat-2")).join();
        await(VenueEvent.PositionUpdate.class, p -> p.position().instrument().equals(INVERSE) && p.position().qty() == 0);
        assertThat(exchange.position(INVERSE).qty()).isZero();

        VenueError refused = errorOf(gateway().place(OrderRequest.market(LINEAR, Side.SELL, 0.1, true, "lw-flat-3")));
        assertThat(refused.kind()).isEqualTo(VenueError.Kind.REJECTED);
        assertThat(refused.code()).isEqualTo("51169");
        VenueError dup = errorOf(gateway().place(OrderRequest.market(LINEAR, Side.BUY, 0.1, false, "lw-flat-1")));
        assertThat(dup.code()).isEqualTo("51016");

        // cancel-all: the resting order by cancel-batch-orders, the stop by cancel-algos
        assertThat(gateway().cancelAll(LINEAR).join()).isEqualTo(2);
        assertThat(exchange.openOrders(A)).isEmpty();
        await(VenueEvent.OrderUpdate.class, o -> "stop".equals(o.order().clientOrderId())
                && o.order().state() == OrderState.CANCELED);
    }

    @Test
    void resendingAClientIdReturnsTheExistingOrderInsteadOfASecondOne() {
        connect("okx-secret");
        awaitStatus(ConnectionState.CONNECTED);
        OrderRequest limit = new OrderRequest(LINEAR, Side.BUY, 0.01, OrderType.LIMIT, 1_000, false, "lw-rest-1");
        Order first = gateway().place(limit).join();
        Order again = gateway().place(limit).join();

        assertThat(again.orderId()).isEqualTo(first.orderId());
        assertThat(again.state()).isEqualTo(OrderState.NEW);
        assertThat(exchange.openOrders(A)).filteredOn(o -> o.orderId().equals(first.orderId())).hasSize(1);
        assertThat(exchange.openOrders(A)).hasSize(3);
    }

    @Test
    void disconnectThenResyncFromAFreshSnapshot() {
        connect("okx-secret");
        awaitStatus(ConnectionState.CONNECTED);

        exchange.faults(A).goSilent();
        CompletableFuture<Order> missed = exchange.place(OrderRequest.market(LINEAR, Side.BUY, 0.25, false, "missed"));
        exchange.faults(A).disconnect();
        assertThat(missed).isCompletedExceptionally();
        awaitStatus(ConnectionState.DOWN);

        exchange.faults(A).reconnect();
        VenueEvent.Snapshot resync = await(VenueEvent.Snapshot.class,
                s -> Math.abs(position(s, LINEAR).qty() - 0.75) < 1e-9);
        assertThat(events.stream().filter(e -> e instanceof VenueEvent.Snapshot).count()).isGreaterThanOrEqualTo(2);
        assertThat(resync.openOrders()).hasSize(2);

        // streaming works again once the new socket is CONNECTED (until then REST polling reports DEGRADED)
        int down = events.indexOf(await(VenueEvent.StatusChange.class, s -> s.state() == ConnectionState.DOWN));
        await(VenueEvent.StatusChange.class, s -> s.state() == ConnectionState.CONNECTED && events.indexOf(s) > down);
        exchange.place(OrderRequest.market(LINEAR, Side.SELL, 0.05, false, "after")).join();
        await(VenueEvent.FillEvent.class, f -> "after".equals(f.fill().clientOrderId()));
    }

    @Test
    void streamDownRestUpIsDegradedWithPolledSnapshots() {
        connect("okx-secret");
        awaitStatus(ConnectionState.CONNECTED);
        frontEnd.refuseStreams(true);
        VenueEvent.StatusChange degraded = await(VenueEvent.StatusChange.class,
                s -> s.state() == ConnectionState.DEGRADED);
        assertThat(degraded.detail()).contains("polled over REST");
        // a change the stream cannot deliver shows up in a polled snapshot
        exchange.place(OrderRequest.market(LINEAR, Side.BUY, 0.05, false, "whilepolling")).join();
        await(VenueEvent.Snapshot.class, s -> events.indexOf(s) > events.indexOf(degraded)
                && Math.abs(position(s, LINEAR).qty() - 0.55) < 1e-9);

        frontEnd.refuseStreams(false);
        await(VenueEvent.StatusChange.class, s -> s.state() == ConnectionState.CONNECTED
                && events.indexOf(s) > events.indexOf(degraded));
    }

    @Test
    void silenceIsReportedStale() {
        connect("okx-secret");
        awaitStatus(ConnectionState.CONNECTED);
        exchange.faults(A).goSilent();
        awaitStatus(ConnectionState.STALE);
    }

    @Test
    void http429IsTypedAndBacksOff() {
        connect("okx-secret");
        awaitStatus(ConnectionState.CONNECTED);

        frontEnd.rateLimitNext(1);
        VenueError limited = errorOf(connector.fetchPositions());
        assertThat(limited.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(limited.code()).isEqualTo("50011");
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
        assertThat(positions).isNotNull().isNotEmpty();
    }

    @Test
    void malformedFrameIsReportedAndTheStreamGoesOn() {
        connect("okx-secret");
        awaitStatus(ConnectionState.CONNECTED);

        frontEnd.sendMalformed();
        await(VenueEvent.ErrorReport.class, e -> e.error().kind() == VenueError.Kind.MALFORMED);
        assertThat(connector.counters().malformedCount()).isEqualTo(1);

        exchange.place(OrderRequest.market(LINEAR, Side.BUY, 0.01, false, "stillstreaming")).join();
        await(VenueEvent.FillEvent.class, f -> "stillstreaming".equals(f.fill().clientOrderId()));
    }

    @Test
    void duplicatedAndReorderedPushes() {
        connect("okx-secret");
        awaitStatus(ConnectionState.CONNECTED);
        frontEnd.duplicatePushes(true);
        exchange.place(OrderRequest.market(LINEAR, Side.BUY, 0.1, false, "dup")).join();
        await(VenueEvent.PositionUpdate.class, p -> Math.abs(p.position().qty() - 0.6) < 1e-9);
        frontEnd.duplicatePushes(false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (events.stream().filter(e -> e instanceof VenueEvent.FillEvent f
                && "dup".equals(f.fill().clientOrderId())).count() < 2 && System.nanoTime() < deadline) {
            sleep(10);
        }
        assertThat(events.stream().filter(e -> e instanceof VenueEvent.FillEvent f
                && "dup".equals(f.fill().clientOrderId())).count()).isEqualTo(2);

        // the simulator produces the orders push (with the fill) before the positions push; they swap on the wire
        frontEnd.reorderNextPushes(1);
        exchange.place(OrderRequest.market(LINEAR, Side.BUY, 0.1, false, "swapped")).join();
        VenueEvent.FillEvent fill = await(VenueEvent.FillEvent.class, f -> "swapped".equals(f.fill().clientOrderId()));
        VenueEvent.PositionUpdate pos = await(VenueEvent.PositionUpdate.class,
                p -> Math.abs(p.position().qty() - 0.7) < 1e-9);
        assertThat(events.indexOf(pos)).isLessThan(events.indexOf(fill));
    }

    @Test
    void wrongSecretIsAnAuthErrorAndNeverConnected() {
        connect("wrong-secret");
        VenueEvent.ErrorReport report = await(VenueEvent.ErrorReport.class,
                e -> e.error().kind() == VenueError.Kind.AUTH && "60007".equals(e.error().code()));
        assertThat(report.error().message()).isEqualTo("Invalid sign");
        assertThat(events).noneMatch(e -> e instanceof VenueEvent.StatusChange s && s.state() == ConnectionState.CONNECTED);

        VenueError rest = errorOf(connector.fetchPositions());
        assertThat(rest.kind()).isEqualTo(VenueError.Kind.AUTH);
        assertThat(rest.code()).isEqualTo("50113");
    }

    @Test
    void monitorOnlyHasNoOrderPath() {
        OkxConnector monitor = new OkxConnector(OkxConfig.loopback(A, port, false),
                Credentials.of("okx-key", "okx-secret", "okx-pass"), http, TimeSource.SYSTEM, new Random(1));
        assertThat(monitor.orders()).isEmpty();
        assertThat(monitor).isNotInstanceOf(OrderGateway.class);
        monitor.stop();
    }

    @Test
    void cancelAllAfterCancelsOrdersWhenNotRefreshed() {
        connect("okx-secret");
        awaitStatus(ConnectionState.CONNECTED);
        gateway().armDeadMan(Duration.ofSeconds(10)).join();
        exchange.advance(Duration.ofSeconds(9));
        assertThat(exchange.openOrders(A)).hasSize(2);
        exchange.advance(Duration.ofSeconds(2));
        assertThat(exchange.openOrders(A)).isEmpty();
    }
}
