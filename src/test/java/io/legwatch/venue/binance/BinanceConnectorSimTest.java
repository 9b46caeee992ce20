package io.legwatch.venue.binance;

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
import io.legwatch.domain.VenueEvent.ErrorReport;
import io.legwatch.domain.VenueEvent.FillEvent;
import io.legwatch.domain.VenueEvent.OrderUpdate;
import io.legwatch.domain.VenueEvent.PositionUpdate;
import io.legwatch.domain.VenueEvent.Snapshot;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.protocol.binance.BinanceFrontEnd;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.net.Credentials;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The production Binance connector against the Binance front end of the simulator, over 127.0.0.1:
 * snapshot, stream updates, reduce-only orders, cancel-all incl. conditional orders, dead-man switch,
 * disconnect + resync, REST fallback, 429, malformed message, listenKey expiry, wrong signature, silence.
 */
class BinanceConnectorSimTest {
    private static final VenueId ACCOUNT = SimExchange.SIM_B;
    private static final String KEY = "sim-api-key-b";
    private static final String SECRET = "sim-secret-b";
    private static final InstrumentKey BTC = new InstrumentKey(ACCOUNT, SimExchange.BTC_LINEAR);
    private static final InstrumentKey ETH = new InstrumentKey(ACCOUNT, SimExchange.ETH_LINEAR);

    private final SimExchange exchange = new SimExchange(7, System.currentTimeMillis());
    private final BinanceFrontEnd frontEnd = new BinanceFrontEnd(exchange, ACCOUNT, KEY, SECRET, TimeSource.SYSTEM, 3);
    private OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
    private final EventLog events = new EventLog();
    private BinanceConnector connector;

    private BinanceConnector start(String secret) throws Exception {
        return start(secret, false);
    }

    private BinanceConnector start(String secret, boolean monitorOnly) throws Exception {
        frontEnd.start(0);
        BinanceConnectorSettings settings = BinanceConnectorSettings.of(ACCOUNT, frontEnd.restBase(),
                frontEnd.wsBase(), monitorOnly).withTiming(Duration.ofSeconds(30), Duration.ofHours(23),
                Duration.ofMillis(200), Duration.ofMillis(1500), Duration.ofMillis(3000), Duration.ofMillis(300));
        connector = BinanceConnector.create(settings, Credentials.of(KEY, secret), http, TimeSource.SYSTEM,
                new SplittableRandom(11));
        connector.start(events);
        return connector;
    }

    private BinanceConnector start() throws Exception {
        return start(SECRET);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (connector != null) {
            connector.stop();
        }
        frontEnd.close();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(15, TimeUnit.SECONDS);
    }

    private OrderGateway orders() {
        return connector.orders().orElseThrow();
    }

    private static VenueError errorOf(CompletableFuture<?> f) {
        try {
            f.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            assertThat(c).isInstanceOf(VenueException.class);
            return ((VenueException) c).error();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected the call to fail");
    }

    @Test
    void snapshotThenStreamUpdates() throws Exception {
        get(exchange.place(OrderRequest.market(BTC, Side.BUY, 0.5, false, "setup-1")));
        start();
        Snapshot snap = events.await(0, Snapshot.class, s -> true, "snapshot");
        assertThat(snap.positions()).singleElement().satisfies(p -> {
            assertThat(p.instrument()).isEqualTo(BTC);
            assertThat(p.qty()).isEqualTo(0.5);
            assertThat(p.markPrice()).isCloseTo(exchange.markPrice(BTC), within(exchange.markPrice(BTC) * 0.01));
        });
        assertThat(snap.instruments()).extracting(i -> i.symbol()).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT");
        assertThat(snap.instruments()).allSatisfy(i -> {
            assertThat(i.kind()).isEqualTo(InstrumentKind.LINEAR);
            assertThat(i.contractSize()).isEqualTo(1.0);
        });
        assertThat(snap.instruments()).filteredOn(i -> i.symbol().equals("BTCUSDT")).singleElement()
                .satisfies(i -> assertThat(i.lotSize()).isEqualTo(0.001));
        int mark = events.size();
        events.awaitState(0, ConnectionState.CONNECTED);

        get(exchange.place(OrderRequest.market(BTC, Side.SELL, 0.2, false, "other-2")));
        PositionUpdate pu = events.await(mark, PositionUpdate.class, p -> p.position().instrument().equals(BTC),
                "BTC position update");
        assertThat(pu.position().qty()).isCloseTo(0.3, within(1e-9));
        FillEvent fill = events.await(mark, FillEvent.class, f -> true, "fill");
        assertThat(fill.fill().clientOrderId()).isEqualTo("other-2");
        assertThat(fill.fill().side()).isEqualTo(Side.SELL);
        OrderUpdate done = events.await(mark, OrderUpdate.class, o -> o.order().state() == OrderState.FILLED,
                "filled order");
        assertThat(done.order().clientOrderId()).isEqualTo("other-2");
        assertThat(done.order().filledQty()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void markPricesOfHeldSymbolsStreamOnTheSameConnection() throws Exception {
        get(exchange.place(OrderRequest.market(BTC, Side.BUY, 0.1, false, "setup-mark")));
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        int before = events.size();
        // The SUBSCRIBE is sent right after the snapshot; wait until the front end has it, then move sim time.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        VenueEvent.PriceUpdate price = null;
        while (price == null && System.nanoTime() < deadline) {
            exchange.advance(Duration.ofMillis(1100));
            price = events.all().stream().skip(before).filter(e -> e instanceof VenueEvent.PriceUpdate)
                    .map(e -> (VenueEvent.PriceUpdate) e).findFirst().orElse(null);
            Thread.sleep(20);
        }
        assertThat(price).as("a mark price update").isNotNull();
        assertThat(price.instrument()).isEqualTo(BTC);
        assertThat(price.markPrice()).isGreaterThan(0);
        assertThat(price.indexPrice()).isGreaterThan(0);
        assertThat(events.all().stream().skip(before).filter(e -> e instanceof VenueEvent.PriceUpdate)
                .map(e -> ((VenueEvent.PriceUpdate) e).instrument()).distinct()).containsExactly(BTC);
    }

    @Test
    void monitorOnlyConnectorStreamsButHasNoOrderPath() throws Exception {
        get(exchange.place(OrderRequest.market(BTC, Side.BUY, 0.2, false, "setup-mo")));
        start(SECRET, true);
        assertThat(connector.orders()).isEmpty();
        Snapshot snap = events.await(0, Snapshot.class, s -> true, "snapshot");
        assertThat(snap.positions()).singleElement().satisfies(p -> assertThat(p.qty()).isEqualTo(0.2));
    }

    @Test
    void reduceOnlyMarketOrderIsIdempotentByClientId() throws Exception {
        get(exchange.place(OrderRequest.market(ETH, Side.BUY, 2, false, "setup-eth")));
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        Order ack = get(orders().place(OrderRequest.market(ETH, Side.SELL, 2, true, "lw-flat-1")));
        assertThat(ack.state()).isEqualTo(OrderState.FILLED);
        assertThat(ack.reduceOnly()).isTrue();
        assertThat(ack.filledQty()).isEqualTo(2);
        assertThat(exchange.position(ETH).qty()).isZero();
        events.await(0, PositionUpdate.class, p -> p.position().instrument().equals(ETH) && p.position().qty() == 0,
                "ETH flat");

        // The same client id again (a resend after a lost ack) must not trade a second time.
        Order again = get(orders().place(OrderRequest.market(ETH, Side.SELL, 2, true, "lw-flat-1")));
        assertThat(again.orderId()).isEqualTo(ack.orderId());
        assertThat(again.state()).isEqualTo(OrderState.FILLED);
        assertThat(exchange.position(ETH).qty()).isZero();

        // Reduce-only with nothing to reduce: Binance's -2022.
        VenueError e = errorOf(orders().place(OrderRequest.market(ETH, Side.SELL, 1, true, "lw-flat-2")));
        assertThat(e.kind()).isEqualTo(VenueError.Kind.REJECTED);
        assertThat(e.code()).isEqualTo("-2022");
        assertThat(e.message()).isEqualTo("ReduceOnly Order is rejected.");
    }

    @Test
    void aResendAfterALostAckFindsTheFirstOrderInsteadOfTradingTwice() throws Exception {
        http = new OkHttpClient.Builder().readTimeout(Duration.ofMillis(700)).build();
        get(exchange.place(OrderRequest.market(ETH, Side.BUY, 3, false, "setup-lost")));
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        exchange.faults(ACCOUNT).goSilent(); // the order reaches the venue and executes; the answer never comes
        VenueError lost = errorOf(orders().place(OrderRequest.market(ETH, Side.SELL, 1, true, "lw-lost-1")));
        assertThat(lost.kind()).isEqualTo(VenueError.Kind.TIMEOUT);
        assertThat(exchange.position(ETH).qty()).isEqualTo(2);
        exchange.faults(ACCOUNT).endSilence();
        Order found = get(orders().place(OrderRequest.market(ETH, Side.SELL, 1, true, "lw-lost-1")));
        assertThat(found.clientOrderId()).isEqualTo("lw-lost-1");
        assertThat(found.state()).isEqualTo(OrderState.FILLED);
        assertThat(exchange.position(ETH).qty()).as("traded once, not twice").isEqualTo(2);
    }

    @Test
    void bannedIpBacksOffForTheAnnouncedTime() throws Exception {
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        frontEnd.faults().banNext(1);
        VenueError banned = errorOf(connector.fetchPositions());
        assertThat(banned.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(banned.message()).startsWith("IP banned by Binance (HTTP 418)");
        VenueError blocked = errorOf(connector.fetchOpenOrders());
        assertThat(blocked.code()).isEqualTo("backoff");
        assertThat(blocked.message()).matches("rate limited by the venue; not sending for another (11\\d{4}|120000) ms");
    }

    @Test
    void reduceOnlyIocLimit() throws Exception {
        get(exchange.place(OrderRequest.market(BTC, Side.BUY, 0.3, false, "setup-3")));
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        double px = exchange.markPrice(BTC) * 0.95; // a SELL limit well below the book: fills like a market
        Order ack = get(orders().place(new OrderRequest(BTC, Side.SELL, 0.3, OrderType.LIMIT_IOC, px, true,
                "lw-ioc-1")));
        assertThat(ack.type()).isEqualTo(OrderType.LIMIT_IOC);
        assertThat(ack.state()).isEqualTo(OrderState.FILLED);
        assertThat(exchange.position(BTC).qty()).isZero();
    }

    @Test
    void cancelAllCoversRegularAndConditionalOrders() throws Exception {
        get(exchange.place(OrderRequest.market(BTC, Side.BUY, 0.4, false, "setup-4")));
        double mark = exchange.markPrice(BTC);
        get(exchange.place(new OrderRequest(BTC, Side.SELL, 0.1, OrderType.LIMIT, mark * 1.5, false, "rest-1")));
        get(exchange.placeStop(OrderRequest.market(BTC, Side.SELL, 0.4, true, "stop-1"), mark * 0.5));
        start();
        Snapshot snap = events.await(0, Snapshot.class, s -> true, "snapshot");
        assertThat(snap.openOrders()).extracting(Order::clientOrderId).containsExactlyInAnyOrder("rest-1", "stop-1");
        assertThat(snap.openOrders()).filteredOn(Order::conditional).singleElement()
                .satisfies(o -> assertThat(o.orderId()).startsWith("algo:"));
        events.awaitState(0, ConnectionState.CONNECTED);

        assertThat(get(orders().cancelAll(BTC))).isEqualTo(2);
        assertThat(exchange.openOrders(ACCOUNT)).isEmpty();
        events.await(0, OrderUpdate.class, o -> "stop-1".equals(o.order().clientOrderId())
                && o.order().conditional() && o.order().orderId().startsWith("algo:")
                && o.order().state() == OrderState.CANCELED, "stop-1 cancelled via ALGO_UPDATE");
        assertThat(get(connector.fetchOpenOrders())).isEmpty();
        events.await(0, OrderUpdate.class, o -> "rest-1".equals(o.order().clientOrderId())
                && o.order().state() == OrderState.CANCELED, "rest-1 cancelled on the stream");
    }

    @Test
    void aTriggeredStopEndsItsAlgoOrderAndTradesOnTheStream() throws Exception {
        get(exchange.place(OrderRequest.market(BTC, Side.BUY, 0.4, false, "setup-stop")));
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        int before = events.size();
        // A SELL stop triggers at or below its price: above the mark, it fires on the next tick.
        get(exchange.placeStop(OrderRequest.market(BTC, Side.SELL, 0.4, true, "stop-fire"),
                exchange.markPrice(BTC) * 1.01));
        OrderUpdate placed = events.await(before, OrderUpdate.class, o -> "stop-fire".equals(o.order().clientOrderId())
                && o.order().state() == OrderState.NEW, "stop accepted (ALGO_UPDATE NEW)");
        assertThat(placed.order().orderId()).startsWith("algo:");
        exchange.advance(Duration.ofMillis(300));
        events.await(before, OrderUpdate.class, o -> placed.order().orderId().equals(o.order().orderId())
                && o.order().state() == OrderState.FILLED, "algo order finished (ALGO_UPDATE TRIGGERED)");
        events.await(before, FillEvent.class, f -> "stop-fire".equals(f.fill().clientOrderId()), "stop fill");
        events.await(before, PositionUpdate.class, p -> p.position().instrument().equals(BTC)
                && p.position().qty() == 0, "flat after the stop");
    }

    @Test
    void deadManSwitchCancelsOrdersWhenNotRefreshed() throws Exception {
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        double mark = exchange.markPrice(BTC);
        get(orders().place(new OrderRequest(BTC, Side.BUY, 0.1, OrderType.LIMIT, mark * 0.5, false, "rest-dm")));
        get(orders().armDeadMan(Duration.ofSeconds(2)));
        exchange.advance(Duration.ofSeconds(3));
        assertThat(exchange.openOrders(ACCOUNT)).isEmpty();
        events.await(0, OrderUpdate.class, o -> "rest-dm".equals(o.order().clientOrderId())
                && o.order().state() == OrderState.CANCELED, "dead-man cancel on the stream");
        get(orders().armDeadMan(Duration.ZERO));
    }

    @Test
    void disconnectThenResyncWithAFreshSnapshot() throws Exception {
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        int before = events.size();
        exchange.faults(ACCOUNT).disconnect();
        events.awaitState(before, ConnectionState.DOWN);
        int down = events.size();
        exchange.faults(ACCOUNT).reconnect();
        get(exchange.place(OrderRequest.market(ETH, Side.SELL, 1, false, "while-away")));
        Snapshot snap = events.await(down, Snapshot.class, s -> !s.positions().isEmpty(), "resync snapshot");
        assertThat(snap.positions()).singleElement().satisfies(p -> assertThat(p.qty()).isEqualTo(-1));
        events.awaitState(down, ConnectionState.CONNECTED);
    }

    @Test
    void streamDownFallsBackToRestPolling() throws Exception {
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        int before = events.size();
        frontEnd.faults().refuseStreams(true);
        VenueEvent.StatusChange degraded = events.awaitState(before, ConnectionState.DEGRADED);
        assertThat(degraded.detail()).contains("polled over REST");
        get(exchange.place(OrderRequest.market(BTC, Side.BUY, 0.25, false, "during-outage")));
        events.await(before, Snapshot.class, s -> s.positions().stream().anyMatch(p -> p.qty() == 0.25),
                "polled snapshot with the new position");
        int back = events.size();
        frontEnd.faults().refuseStreams(false);
        events.awaitState(back, ConnectionState.CONNECTED);
    }

    @Test
    void rateLimitAnswerBacksOff() throws Exception {
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        frontEnd.faults().rateLimitNext(1);
        VenueError limited = errorOf(connector.fetchPositions());
        assertThat(limited.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(limited.code()).isEqualTo("-1003");
        assertThat(limited.message()).startsWith("Too many requests");
        // Right after a 429 nothing is sent: the gate answers locally.
        VenueError blocked = errorOf(connector.fetchPositions());
        assertThat(blocked.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(blocked.code()).isEqualTo("backoff");
    }

    @Test
    void malformedMessageIsReportedAndTheStreamGoesOn() throws Exception {
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        int before = events.size();
        frontEnd.faults().sendMalformed();
        ErrorReport report = events.await(before, ErrorReport.class,
                r -> r.error().kind() == VenueError.Kind.MALFORMED, "malformed report");
        assertThat(report.error().message()).contains("malformed");
        assertThat(connector.counters().malformedCount()).isEqualTo(1);
        get(exchange.place(OrderRequest.market(BTC, Side.BUY, 0.1, false, "after-garbage")));
        events.await(before, PositionUpdate.class, p -> p.position().qty() == 0.1, "update after garbage");
    }

    @Test
    void marginCallReachesTheTraderAndUnknownEventsAreHarmless() throws Exception {
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        int before = events.size();
        frontEnd.faults().sendRaw(Samples.read("ws-margin-call.json"));
        ErrorReport call = events.await(before, ErrorReport.class, r -> "MARGIN_CALL".equals(r.error().code()),
                "margin call report");
        assertThat(call.error().message()).contains("ETHUSDT LONG 1.327 at mark 187.17127");
        VenueEvent.PriceUpdate mark = events.await(before, VenueEvent.PriceUpdate.class,
                p -> p.instrument().equals(ETH), "mark from the margin call");
        assertThat(mark.markPrice()).isEqualTo(187.17127);
        frontEnd.faults().sendRaw("{\"e\":\"TRADE_LITE\",\"E\":1,\"s\":\"BTCUSDT\"}");
        frontEnd.faults().sendRaw(Samples.read("ws-account-config-update.json"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (connector.counters().unknownCount() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(connector.counters().unknownCount()).isEqualTo(1);
        assertThat(connector.counters().malformedCount()).isZero();
    }

    @Test
    void listenKeyExpiryReconnectsAndResyncs() throws Exception {
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        int before = events.size();
        frontEnd.faults().expireListenKey();
        events.await(before, Snapshot.class, s -> true, "snapshot after listenKeyExpired");
        events.awaitState(before, ConnectionState.CONNECTED);
    }

    @Test
    void wrongSecretGetsBinancesSignatureError() throws Exception {
        start("not-the-secret");
        VenueError e = errorOf(connector.fetchPositions());
        assertThat(e.kind()).isEqualTo(VenueError.Kind.AUTH);
        assertThat(e.code()).isEqualTo("-1022");
        assertThat(e.message()).isEqualTo("Signature for this request is not valid.");
        VenueEvent.StatusChange down = events.awaitState(0, ConnectionState.DOWN);
        assertThat(down.detail()).contains("Signature for this request is not valid.");
        assertThat(events.all()).noneMatch(ev -> ev instanceof Snapshot);
    }

    @Test
    void silentVenueIsReportedStaleThenRecovers() throws Exception {
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        int before = events.size();
        exchange.faults(ACCOUNT).goSilent();
        events.awaitState(before, ConnectionState.STALE);
        int stale = events.size();
        exchange.faults(ACCOUNT).endSilence();
        events.awaitState(stale, ConnectionState.CONNECTED);
    }

    @Test
    void duplicatedAndReorderedStreamMessagesStillEndInTheVenueState() throws Exception {
        start();
        events.awaitState(0, ConnectionState.CONNECTED);
        int before = events.size();
        frontEnd.faults().duplicateNext(3);
        frontEnd.faults().reorderNext(1);
        get(exchange.place(OrderRequest.market(BTC, Side.BUY, 0.2, false, "dup-1")));
        get(exchange.place(OrderRequest.market(BTC, Side.BUY, 0.1, false, "dup-2")));
        // Absolute position values: whatever the order, a resync-free stream ends at the venue's position.
        events.await(before, PositionUpdate.class, p -> Math.abs(p.position().qty() - 0.3) < 1e-9, "0.3 BTC");
        assertThat(get(connector.fetchPositions())).singleElement()
                .satisfies(p -> assertThat(p.qty()).isCloseTo(0.3, within(1e-9)));
        List<VenueEvent> fills = events.all().stream().filter(e -> e instanceof FillEvent).toList();
        assertThat(fills).isNotEmpty();
    }
}
