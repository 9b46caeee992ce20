package io.legwatch.venue.deribit;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.protocol.deribit.DeribitFrontEnd;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.net.Backoff;
import io.legwatch.venue.net.Credentials;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The production DeribitConnector against DeribitFrontEnd over loopback (ws:// and http:// on 127.0.0.1),
 * both on one SimExchange account. Simulator time is driven by the test; waits poll with generous
 * timeouts and nothing asserts on durations.
 */
class DeribitFrontEndIntegrationTest {
    private static final VenueId VENUE = VenueId.of("deribit-sim");
    private static final InstrumentKey PERP = new InstrumentKey(VENUE, "BTC-PERPETUAL");
    private static final InstrumentKey SIM_PERP = new InstrumentKey(SimExchange.SIM_A, "BTC-PERPETUAL");
    private static final String ID = "sim-client";
    private static final String SECRET = "sim-secret-0123456789";

    private SimExchange exchange;
    private DeribitFrontEnd frontEnd;
    private DeribitConnector connector;
    private int port;
    private final List<VenueEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        exchange = new SimExchange(42, System.currentTimeMillis());
        // one heartbeat "second" = 50 ms, so set_heartbeat(10) pings every 500 ms
        frontEnd = new DeribitFrontEnd(exchange, SimExchange.SIM_A, ID, SECRET, TimeSource.SYSTEM, Duration.ofMillis(50));
        port = frontEnd.start(0);
    }

    @AfterEach
    void tearDown() {
        if (connector != null) {
            connector.close();
        }
        frontEnd.close();
    }

    private DeribitConfig config(String secret) {
        return DeribitConfig.loopback(VENUE, port, Credentials.of(ID, secret), true, List.of("BTC", "ETH"))
                .withTimings(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(3),
                        Duration.ofMillis(200));
    }

    private void start(DeribitConfig config) {
        connector = new DeribitConnector(config, new OkHttpClient(), TimeSource.SYSTEM,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(400), 2.0, 0.5, new Random(7)));
        connector.start(events::add);
    }

    private OrderGateway orders() {
        return connector.orders().orElseThrow();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private <T extends VenueEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends VenueEvent> boolean has(Class<T> type, Predicate<T> p) {
        return all(type).stream().anyMatch(p);
    }

    private long statuses(ConnectionState s) {
        return all(VenueEvent.StatusChange.class).stream().filter(c -> c.state() == s).count();
    }

    private void simBuy(double contracts) {
        exchange.place(OrderRequest.market(SIM_PERP, Side.BUY, contracts, false, "sim-" + System.nanoTime())).join();
    }

    private static VenueError errorOf(java.util.concurrent.CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.get(10, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(VenueException.class);
        return ((VenueException) t.getCause()).error();
    }

    @Test
    void snapshotThenStreamUpdates() {
        simBuy(5);
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);

        VenueEvent.Snapshot snap = all(VenueEvent.Snapshot.class).get(0);
        assertThat(snap.positions()).singleElement().satisfies(p -> {
            assertThat(p.instrument()).isEqualTo(PERP);
            assertThat(p.qty()).isEqualTo(5.0); // 50 USD on the wire, 5 contracts of 10 USD
            assertThat(p.markPrice()).isEqualTo(exchange.markPrice(SIM_PERP), org.assertj.core.data.Offset.offset(1e-6));
        });
        assertThat(snap.instruments()).anySatisfy(i -> {
            assertThat(i.symbol()).isEqualTo("BTC-PERPETUAL");
            assertThat(i.kind()).isEqualTo(InstrumentKind.INVERSE);
            assertThat(i.contractSize()).isEqualTo(10);
            assertThat(i.lotSize()).isEqualTo(1);
        });
        assertThat(snap.instruments()).anySatisfy(i -> {
            assertThat(i.symbol()).isEqualTo(exchange.btcCallSymbol());
            assertThat(i.kind()).isEqualTo(InstrumentKind.OPTION);
            assertThat(i.lotSize()).isEqualTo(0.1);
        });
        List<String> order = events.stream().map(e -> e.getClass().getSimpleName()
                + (e instanceof VenueEvent.StatusChange s ? ":" + s.state() : "")).toList();
        assertThat(order).containsSubsequence("StatusChange:CONNECTING", "Snapshot", "StatusChange:CONNECTED");

        simBuy(2);
        await("position 7 streamed", () -> has(VenueEvent.PositionUpdate.class, u -> u.position().qty() == 7.0));
        assertThat(has(VenueEvent.FillEvent.class, f -> f.fill().side() == Side.BUY && f.fill().instrument().equals(PERP)))
                .isTrue();
        assertThat(has(VenueEvent.OrderUpdate.class, u -> u.order().state() == OrderState.FILLED && u.order().qty() == 2))
                .isTrue();
        exchange.advance(Duration.ofSeconds(1)); // price ticks, and the venue's 1 s push: user.portfolio
        await("portfolio heartbeat", () -> !all(VenueEvent.Heartbeat.class).isEmpty());
        await("marks from the ticker of the held perpetual", () -> has(VenueEvent.PriceUpdate.class,
                u -> u.instrument().equals(PERP) && Math.abs(u.markPrice() - exchange.markPrice(SIM_PERP)) < 1e-6));
    }

    @Test
    void reduceOnlyMarketOrderFlattensAndIsIdempotent() throws Exception {
        simBuy(7);
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);

        Order done = orders().place(OrderRequest.market(PERP, Side.SELL, 7, true, "flat-1")).get(10, TimeUnit.SECONDS);
        assertThat(done.state()).isEqualTo(OrderState.FILLED);
        assertThat(done.qty()).isEqualTo(7.0);
        assertThat(done.clientOrderId()).isEqualTo("flat-1");
        assertThat(done.reduceOnly()).isTrue();
        assertThat(exchange.position(SIM_PERP).qty()).isZero();
        await("flat position streamed", () -> has(VenueEvent.PositionUpdate.class, u -> u.position().qty() == 0));

        Order again = orders().place(OrderRequest.market(PERP, Side.SELL, 7, true, "flat-1")).get(10, TimeUnit.SECONDS);
        assertThat(again.orderId()).isEqualTo(done.orderId());

        // same client id from a fresh connector (as after a restart): the venue is asked by label first
        connector.close();
        events.clear();
        start(config(SECRET));
        await("connected again", () -> statuses(ConnectionState.CONNECTED) == 1);
        Order resent = orders().place(OrderRequest.market(PERP, Side.SELL, 7, true, "flat-1")).get(10, TimeUnit.SECONDS);
        assertThat(resent.orderId()).isEqualTo(done.orderId());
        assertThat(exchange.position(SIM_PERP).qty()).as("no second order").isZero();

        VenueError e = errorOf(orders().place(OrderRequest.market(PERP, Side.SELL, 1, true, "flat-2")));
        assertThat(e.kind()).isEqualTo(VenueError.Kind.REJECTED);
        assertThat(e.code()).isEqualTo("11030");
        assertThat(e.message()).contains("reduce_only");
    }

    @Test
    void reduceOnlyIocLimitUsesAmountInUsd() throws Exception {
        simBuy(3);
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);
        double px = exchange.markPrice(SIM_PERP) * 0.9; // well through the bid: fills
        Order o = orders().place(new OrderRequest(PERP, Side.SELL, 3, OrderType.LIMIT_IOC, Math.round(px), true, "ioc-1"))
                .get(10, TimeUnit.SECONDS);
        assertThat(o.type()).isEqualTo(OrderType.LIMIT_IOC);
        assertThat(o.filledQty()).isEqualTo(3.0);
        assertThat(exchange.position(SIM_PERP).qty()).isZero();
    }

    @Test
    void cancelAllIncludesStopOrders() throws Exception {
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);
        exchange.place(new OrderRequest(SIM_PERP, Side.BUY, 2, OrderType.LIMIT, 1000, false, "rest-1")).join();
        exchange.placeStop(OrderRequest.market(SIM_PERP, Side.SELL, 1, false, "stop-1"), 1000).join();
        await("open orders streamed", () -> all(VenueEvent.OrderUpdate.class).size() >= 2);
        assertThat(connector.fetchOpenOrders().get(10, TimeUnit.SECONDS)).hasSize(2)
                .anySatisfy(o -> assertThat(o.conditional()).isTrue());

        assertThat(orders().cancelAll(PERP).get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(exchange.openOrders(SimExchange.SIM_A)).isEmpty();
        await("cancels streamed", () -> all(VenueEvent.OrderUpdate.class).stream()
                .filter(u -> u.order().state() == OrderState.CANCELED).count() == 2);
    }

    @Test
    void silentVenueGoesStaleThenResyncsWithWhatWasMissed() {
        simBuy(1);
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);

        exchange.faults(SimExchange.SIM_A).goSilent();
        // executes, but nothing is pushed while silent (and the sim withholds its own ack until the silence ends)
        var missed = exchange.place(OrderRequest.market(SIM_PERP, Side.BUY, 4, false, "during-silence"));
        await("stale", () -> statuses(ConnectionState.STALE) >= 1);
        await("reconnecting", () -> statuses(ConnectionState.DOWN) >= 1);
        exchange.faults(SimExchange.SIM_A).endSilence();
        assertThat(missed.join().filledQty()).isEqualTo(4.0);
        await("resynced", () -> statuses(ConnectionState.CONNECTED) == 2);
        VenueEvent.Snapshot last = all(VenueEvent.Snapshot.class).get(all(VenueEvent.Snapshot.class).size() - 1);
        assertThat(last.positions()).singleElement().satisfies(p -> assertThat(p.qty()).isEqualTo(5.0));
    }

    @Test
    void venueDisconnectIsReportedAndReconnectResyncs() {
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);
        exchange.faults(SimExchange.SIM_A).disconnect();
        await("down", () -> statuses(ConnectionState.DOWN) >= 1);
        assertThat(statuses(ConnectionState.DEGRADED)).as("REST is down too").isZero();
        exchange.faults(SimExchange.SIM_A).reconnect();
        simBuy(2);
        await("resynced", () -> statuses(ConnectionState.CONNECTED) == 2);
        await("snapshot with the new position", () -> has(VenueEvent.Snapshot.class,
                s -> s.positions().stream().anyMatch(p -> p.qty() == 2.0)));
    }

    @Test
    void streamOutageFallsBackToSignedRestPollingAsDegraded() {
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);
        frontEnd.wireFaults().refuseWebSockets(true);
        await("degraded", () -> statuses(ConnectionState.DEGRADED) >= 1);
        simBuy(3);
        await("polled snapshot shows the fill", () -> has(VenueEvent.Snapshot.class,
                s -> s.positions().stream().anyMatch(p -> p.qty() == 3.0)));
        frontEnd.wireFaults().refuseWebSockets(false);
        await("back on the stream", () -> statuses(ConnectionState.CONNECTED) == 2);
    }

    @Test
    void restPollingRateLimitedIsReportedThenRecovers() {
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);
        frontEnd.wireFaults().rateLimitNext(1); // the first REST poll meets HTTP 429 + 10028
        frontEnd.wireFaults().refuseWebSockets(true);
        await("rate limit reported", () -> has(VenueEvent.ErrorReport.class,
                r -> r.error().kind() == VenueError.Kind.RATE_LIMITED && "10028".equals(r.error().code())));
        await("degraded after the cool-down", () -> statuses(ConnectionState.DEGRADED) >= 1);
        frontEnd.wireFaults().refuseWebSockets(false);
        await("back on the stream", () -> statuses(ConnectionState.CONNECTED) == 2);
    }

    @Test
    void rateLimitIsTypedAndBacksOff() throws Exception {
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);
        frontEnd.wireFaults().rateLimitNext(1);
        VenueError first = errorOf(orders().cancelAll(PERP));
        assertThat(first.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(first.code()).isEqualTo("10028");
        VenueError second = errorOf(orders().cancelAll(PERP));
        assertThat(second.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(second.code()).as("not sent: backing off").isEqualTo("backoff");
        await("cool-down over", () -> {
            try {
                return orders().cancelAll(PERP).get(10, TimeUnit.SECONDS) == 0;
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void simulatorRateLimitFaultReachesTheWireAs10028() {
        simBuy(2);
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);
        exchange.faults(SimExchange.SIM_A).rateLimitNext(1);
        VenueError e = errorOf(orders().place(OrderRequest.market(PERP, Side.SELL, 2, true, "rl-1")));
        assertThat(e.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(e.code()).isEqualTo("10028");
        assertThat(exchange.position(SIM_PERP).qty()).as("the refused order did not execute").isEqualTo(2.0);
    }

    @Test
    void malformedNotificationIsReportedAndTheStreamGoesOn() {
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);
        frontEnd.wireFaults().malformNext(1);
        simBuy(1); // fill, order, position: the first of them arrives broken
        await("error report", () -> has(VenueEvent.ErrorReport.class,
                r -> r.error().kind() == VenueError.Kind.MALFORMED));
        await("later updates still flow", () -> has(VenueEvent.PositionUpdate.class, u -> u.position().qty() == 1.0));
        assertThat(connector.counters().malformedCount()).isEqualTo(1);
        assertThat(statuses(ConnectionState.DOWN)).isZero();
    }

    @Test
    void duplicatedAndReorderedNotificationsDoNotBreakTheStream() {
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);
        frontEnd.wireFaults().duplicateNext(1);
        frontEnd.wireFaults().reorderNext(1);
        simBuy(1);
        await("position 1", () -> has(VenueEvent.PositionUpdate.class, u -> u.position().qty() == 1.0));
        assertThat(all(VenueEvent.FillEvent.class)).isNotEmpty();
        assertThat(connector.counters().malformedCount()).isZero();
    }

    @Test
    void wrongSecretIsAnAuthErrorAndNeverConnects() {
        start(config("wrong-secret"));
        await("auth failure reported", () -> all(VenueEvent.StatusChange.class).stream()
                .anyMatch(s -> s.state() == ConnectionState.DOWN && s.detail().contains("AUTH 13009")));
        assertThat(statuses(ConnectionState.CONNECTED)).isZero();
        assertThat(all(VenueEvent.StatusChange.class)).allSatisfy(s -> assertThat(s.detail()).doesNotContain("wrong-secret"));
    }

    @Test
    void clientCredentialsAuthAndHeartbeatsKeepTheConnection() {
        start(config(SECRET).withAuthMode(DeribitConfig.AuthMode.CLIENT_CREDENTIALS));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);
        // set_heartbeat(10) = a test_request every 500 ms here; unanswered ones would close the socket
        await("several heartbeats answered", () -> all(VenueEvent.Heartbeat.class).size() >= 4);
        assertThat(statuses(ConnectionState.DOWN)).isZero();
        assertThat(frontEnd.connectionCount()).isEqualTo(1);
    }

    @Test
    void cancelOnDisconnectCancelsWhenTheConnectionDrops() throws Exception {
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);
        orders().armDeadMan(Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
        exchange.place(new OrderRequest(SIM_PERP, Side.BUY, 2, OrderType.LIMIT, 1000, false, "rest-2")).join();
        assertThat(exchange.openOrders(SimExchange.SIM_A)).hasSize(1);
        frontEnd.wireFaults().dropConnections();
        await("orders cancelled by the venue", () -> exchange.openOrders(SimExchange.SIM_A).isEmpty());
        await("reconnected and re-armed", () -> statuses(ConnectionState.CONNECTED) == 2);
    }

    @Test
    void accessTokenIsRefreshedBeforeItExpires() throws Exception {
        frontEnd.tokenLifetime(Duration.ofSeconds(2)); // the connector refreshes at 80 %: after 1.6 s
        start(config(SECRET));
        await("connected", () -> statuses(ConnectionState.CONNECTED) == 1);
        long deadline = System.currentTimeMillis() + 3_000; // past the first token's expiry
        await("first token expired", () -> System.currentTimeMillis() > deadline);
        assertThat(orders().cancelAll(PERP).get(10, TimeUnit.SECONDS)).as("private call still authorised").isZero();
        assertThat(statuses(ConnectionState.DOWN)).isZero();
    }

    @Test
    void anUnrefreshedTokenExpires() throws Exception {
        frontEnd.tokenLifetime(Duration.ofSeconds(1));
        // a raw client that authenticates once and never refreshes: the front end must enforce expiry
        var socket = new java.util.concurrent.LinkedBlockingQueue<String>();
        var http = new OkHttpClient();
        var ws = http.newWebSocket(new okhttp3.Request.Builder().url("ws://127.0.0.1:" + port + "/ws/api/v2").build(),
                new okhttp3.WebSocketListener() {
                    @Override
                    public void onMessage(okhttp3.WebSocket webSocket, String text) {
                        socket.add(text);
                    }
                });
        ws.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"public/auth\",\"params\":{\"grant_type\":"
                + "\"client_credentials\",\"client_id\":\"" + ID + "\",\"client_secret\":\"" + SECRET + "\"}}");
        assertThat(socket.poll(10, TimeUnit.SECONDS)).contains("access_token");
        long deadline = System.currentTimeMillis() + 1_500;
        await("token expired", () -> System.currentTimeMillis() > deadline);
        ws.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"private/cancel_all\",\"params\":{}}");
        assertThat(socket.poll(10, TimeUnit.SECONDS)).contains("\"code\":13009");
        ws.close(1000, null);
    }

    @Test
    void monitorOnlyHasNoOrderPath() {
        connector = new DeribitConnector(DeribitConfig.loopback(VENUE, port, Credentials.of(ID, SECRET), false,
                List.of("BTC")), new OkHttpClient(), TimeSource.SYSTEM, Backoff.standard(new Random(1)));
        assertThat(connector.orders()).isEmpty();
    }
}
