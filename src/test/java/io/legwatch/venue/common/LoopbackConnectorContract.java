package io.legwatch.venue.common;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.protocol.common.LoopbackFrontEnd;
import io.legwatch.testing.AwaitEvents;
import io.legwatch.venue.OrderGateway;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.legwatch.testing.Await.sleep;
import static io.legwatch.testing.VenueFailures.errorOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What every {@link DecodedStreamConnector} (Bybit, OKX) must do against its simulator front end over
 * loopback: real sockets, real signatures, the venue's wire shapes. A venue's test extends this, names
 * its front end, connector and answers, and adds what only its venue does (units, push order,
 * dead-man switch). Waits poll with a generous timeout.
 */
public abstract class LoopbackConnectorContract {
    protected static final VenueId A = SimExchange.SIM_A;
    protected static final InstrumentKey LINEAR = new InstrumentKey(A, SimExchange.BTC_LINEAR);
    protected static final InstrumentKey INVERSE = new InstrumentKey(A, SimExchange.BTC_INVERSE);

    /**
     * The venue's own codes for the answers the contract provokes.
     *
     * @param reduceOnlyRefused   a reduce-only order with nothing to reduce
     * @param duplicateClientId   a client order id used before
     * @param rateLimited         a REST call over the rate limit
     * @param rateLimitedMessage  the venue's text with it
     * @param restAuthRefused     a REST call signed with the wrong secret
     * @param inverseShortOnWire  the seeded 30 simulated inverse contracts short, in the venue's order units
     */
    public record VenueAnswers(String reduceOnlyRefused, String duplicateClientId, String rateLimited,
                                  String rateLimitedMessage, String restAuthRefused, double inverseShortOnWire) {
    }

    protected final SimExchange exchange;
    protected final List<VenueEvent> events = new CopyOnWriteArrayList<>();
    protected final OkHttpClient http = new OkHttpClient.Builder().readTimeout(3, TimeUnit.SECONDS).build();
    protected LoopbackFrontEnd frontEnd;
    protected DecodedStreamConnector connector;
    protected int port;

    protected LoopbackConnectorContract(long seed) {
        this.exchange = new SimExchange(seed, System.currentTimeMillis());
    }

    /** The venue's front end serving account {@link #A} of the exchange, not started. */
    protected abstract LoopbackFrontEnd newFrontEnd(SimExchange exchange);

    /** The venue's connector for the front end on {@link #port}, with short timings, signing with {@code secret}. */
    protected abstract DecodedStreamConnector newConnector(boolean trading, String secret);

    /** The secret the front end checks signatures with. */
    protected abstract String secret();

    protected abstract VenueAnswers answers();

    /** Holdings the venue needs in the seeded account besides the linear long and the inverse short. */
    protected void seedMoreHoldings() {
    }

    /** True for the error the stream's auth/login refusal is reported as. */
    protected abstract boolean isStreamAuthRefusal(VenueError error);

    @BeforeEach
    void startFrontEndWithState() throws Exception {
        frontEnd = newFrontEnd(exchange);
        port = frontEnd.start(0);
        // state that exists before Legwatch connects
        exchange.place(OrderRequest.market(LINEAR, Side.BUY, 0.5, false, "seed-long")).join();
        exchange.place(OrderRequest.market(INVERSE, Side.SELL, 30, false, "seed-short")).join();
        seedMoreHoldings();
        exchange.place(new OrderRequest(LINEAR, Side.SELL, 0.1, OrderType.LIMIT, 200_000, false, "resting")).join();
        exchange.placeStop(new OrderRequest(LINEAR, Side.SELL, 0.1, OrderType.MARKET, Double.NaN, true, "stop"),
                1_000).join();
    }

    @AfterEach
    void stopAll() {
        if (connector != null) {
            connector.stop();
        }
        frontEnd.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---- helpers ----

    protected final void connect(String secret) {
        connector = newConnector(true, secret);
        connector.start(events::add);
    }

    protected final void connectAndAwaitConnected() {
        connect(secret());
        awaitStatus(ConnectionState.CONNECTED);
    }

    protected final OrderGateway gateway() {
        return connector.orders().orElseThrow();
    }

    protected final <T extends VenueEvent> T await(Class<T> type, Predicate<T> match) {
        return AwaitEvents.first(events, type, match);
    }

    protected final void awaitStatus(ConnectionState state) {
        await(VenueEvent.StatusChange.class, s -> s.state() == state);
    }

    protected static Position position(VenueEvent.Snapshot s, InstrumentKey key) {
        return s.positions().stream().filter(p -> p.instrument().equals(key)).findFirst().orElseThrow();
    }

    private long fills(String clientOrderId) {
        return events.stream().filter(e -> e instanceof VenueEvent.FillEvent f
                && clientOrderId.equals(f.fill().clientOrderId())).count();
    }

    // ---- the contract ----

    @Test
    void snapshotWithOpenOrdersComesBeforeConnected() {
        connect(secret());
        VenueEvent.Snapshot snap = await(VenueEvent.Snapshot.class, s -> true);
        VenueEvent.StatusChange connected = await(VenueEvent.StatusChange.class,
                s -> s.state() == ConnectionState.CONNECTED);
        assertThat(events.indexOf(snap)).isLessThan(events.indexOf(connected));

        assertThat(position(snap, LINEAR).qty()).isCloseTo(0.5, within(1e-9));
        assertThat(snap.openOrders()).extracting(Order::clientOrderId).containsExactlyInAnyOrder("resting", "stop");
        assertThat(snap.openOrders()).filteredOn(Order::conditional).extracting(Order::clientOrderId)
                .containsExactly("stop");
    }

    @Test
    void streamUpdatesReduceOnlyOrdersAndCancelAll() {
        connectAndAwaitConnected();

        // a fill somewhere else on the account streams in as fill, order and position
        exchange.place(OrderRequest.market(LINEAR, Side.SELL, 0.2, false, "otherdesk")).join();
        await(VenueEvent.FillEvent.class, f -> "otherdesk".equals(f.fill().clientOrderId()) && f.fill().side() == Side.SELL);
        await(VenueEvent.OrderUpdate.class, o -> "otherdesk".equals(o.order().clientOrderId())
                && o.order().state() == OrderState.FILLED);
        await(VenueEvent.PositionUpdate.class, p -> p.position().instrument().equals(LINEAR)
                && Math.abs(p.position().qty() - 0.3) < 1e-9);

        // reduce-only market flattens the linear leg
        Order ack = gateway().place(OrderRequest.market(LINEAR, Side.SELL, 0.3, true, "lw-flat-1")).join();
        assertThat(ack.orderId()).isNotBlank();
        assertThat(ack.clientOrderId()).isEqualTo(wireClientId("lw-flat-1"));
        await(VenueEvent.PositionUpdate.class, p -> p.position().instrument().equals(LINEAR) && p.position().qty() == 0);
        assertThat(exchange.position(LINEAR).qty()).isZero();

        // reduce-only IOC limit on the inverse leg, sized in the venue's units
        gateway().place(new OrderRequest(INVERSE, Side.BUY, answers().inverseShortOnWire(), OrderType.LIMIT_IOC,
                1_000_000, true, "lw-flat-2")).join();
        await(VenueEvent.PositionUpdate.class, p -> p.position().instrument().equals(INVERSE) && p.position().qty() == 0);
        assertThat(exchange.position(INVERSE).qty()).isZero();

        // nothing left to reduce: the venue's reduce-only refusal, typed
        VenueError refused = errorOf(gateway().place(OrderRequest.market(LINEAR, Side.SELL, 0.1, true, "lw-flat-3")));
        assertThat(refused.kind()).isEqualTo(VenueError.Kind.REJECTED);
        assertThat(refused.code()).isEqualTo(answers().reduceOnlyRefused());
        // a resend of a used client id cannot open a second order
        VenueError dup = errorOf(gateway().place(OrderRequest.market(LINEAR, Side.BUY, 0.1, false, "lw-flat-1")));
        assertThat(dup.code()).isEqualTo(answers().duplicateClientId());

        // cancel-all covers the resting limit and the untriggered stop
        assertThat(gateway().cancelAll(LINEAR).join()).isEqualTo(2);
        assertThat(exchange.openOrders(A)).isEmpty();
        await(VenueEvent.OrderUpdate.class, o -> "stop".equals(o.order().clientOrderId())
                && o.order().state() == OrderState.CANCELED);
    }

    /** Our client order id as the venue echoes it (OKX allows letters and digits only). */
    protected String wireClientId(String ours) {
        return ours;
    }

    @Test
    void resendingAClientIdReturnsTheExistingOrderInsteadOfASecondOne() {
        connectAndAwaitConnected();
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
        connectAndAwaitConnected();

        // the stream misses a fill (half-open link), then the link drops
        exchange.faults(A).goSilent();
        // (the simulator withholds the ack while silent and loses it when the link drops; the order executes)
        CompletableFuture<Order> missed = exchange.place(OrderRequest.market(LINEAR, Side.BUY, 0.25, false, "missed"));
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
        connectAndAwaitConnected();
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
    void silenceIsReportedStaleAndRecovers() {
        connectAndAwaitConnected();
        exchange.faults(A).goSilent();
        awaitStatus(ConnectionState.STALE);
        exchange.faults(A).endSilence();
        await(VenueEvent.StatusChange.class, s -> s.state() == ConnectionState.CONNECTED
                && events.indexOf(s) > events.indexOf(await(VenueEvent.StatusChange.class,
                x -> x.state() == ConnectionState.STALE)));
    }

    @Test
    void rateLimitAnswerIsTypedAndBacksOff() {
        connectAndAwaitConnected();

        frontEnd.rateLimitNext(1);
        VenueError limited = errorOf(connector.fetchPositions());
        assertThat(limited.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(limited.code()).isEqualTo(answers().rateLimited());
        assertThat(limited.message()).isEqualTo(answers().rateLimitedMessage());
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
        assertThat(positions).isNotNull().isNotEmpty();
    }

    @Test
    void malformedFrameIsReportedAndTheStreamGoesOn() {
        connectAndAwaitConnected();

        frontEnd.sendMalformed();
        VenueEvent.ErrorReport report = await(VenueEvent.ErrorReport.class,
                e -> e.error().kind() == VenueError.Kind.MALFORMED);
        assertThat(report.error().message()).contains("malformed");
        assertThat(connector.counters().malformedCount()).isEqualTo(1);

        exchange.place(OrderRequest.market(LINEAR, Side.BUY, 0.01, false, "stillstreaming")).join();
        await(VenueEvent.FillEvent.class, f -> "stillstreaming".equals(f.fill().clientOrderId()));
    }

    @Test
    void duplicatedPushesEndAtTheVenuesState() {
        connectAndAwaitConnected();
        frontEnd.duplicatePushes(true);
        exchange.place(OrderRequest.market(LINEAR, Side.BUY, 0.1, false, "dup")).join();
        await(VenueEvent.PositionUpdate.class, p -> Math.abs(p.position().qty() - 0.6) < 1e-9);
        frontEnd.duplicatePushes(false);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (fills("dup") < 2 && System.nanoTime() < deadline) {
            sleep(10); // the copy follows the original
        }
        assertThat(fills("dup")).isEqualTo(2);
        await(VenueEvent.PositionUpdate.class, p -> Math.abs(p.position().qty() - 0.6) < 1e-9);
    }

    @Test
    void reorderedPushesEndAtTheVenuesState() {
        connectAndAwaitConnected();
        frontEnd.reorderNextPushes(1);
        exchange.place(OrderRequest.market(LINEAR, Side.BUY, 0.1, false, "swapped")).join();
        VenueEvent.FillEvent fill = await(VenueEvent.FillEvent.class, f -> "swapped".equals(f.fill().clientOrderId()));
        VenueEvent ahead = await(VenueEvent.class, this::swappedAheadOfTheFill);
        assertThat(events.indexOf(ahead)).isLessThan(events.indexOf(fill));
        await(VenueEvent.PositionUpdate.class, p -> Math.abs(p.position().qty() - 0.6) < 1e-9);
    }

    /**
     * True for the event of the 0.1 BUY "swapped" trade whose push the venue sends right after the fill's,
     * so that a swap of the first pair of pushes brings it ahead of the fill.
     */
    protected abstract boolean swappedAheadOfTheFill(VenueEvent event);

    @Test
    void wrongSecretIsAnAuthErrorAndNeverConnected() {
        connect("wrong-secret");
        // the stream's refusal, in the venue's words (REST polls may report their own refusal meanwhile)
        await(VenueEvent.ErrorReport.class, e -> e.error().kind() == VenueError.Kind.AUTH
                && isStreamAuthRefusal(e.error()));
        assertThat(events).noneMatch(e -> e instanceof VenueEvent.StatusChange s && s.state() == ConnectionState.CONNECTED);

        VenueError rest = errorOf(connector.fetchPositions());
        assertThat(rest.kind()).isEqualTo(VenueError.Kind.AUTH);
        assertThat(rest.code()).isEqualTo(answers().restAuthRefused());
    }

    @Test
    void monitorOnlyHasNoOrderPath() {
        DecodedStreamConnector monitor = newConnector(false, secret());
        assertThat(monitor.orders()).isEmpty();
        assertThat(monitor).isNotInstanceOf(OrderGateway.class);
        monitor.stop();
    }
}
