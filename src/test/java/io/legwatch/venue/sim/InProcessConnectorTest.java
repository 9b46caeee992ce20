package io.legwatch.venue.sim;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueException;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.SimFaults;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.legwatch.sim.SimExchange.SIM_A;
import static org.assertj.core.api.Assertions.assertThat;

class InProcessConnectorTest {
    private static final long T0 = 1_767_225_600_000L;
    private static final InstrumentKey BTC = new InstrumentKey(SIM_A, SimExchange.BTC_SPOT);

    private final SimExchange sim = new SimExchange(11, T0);
    private final SimFaults faults = sim.faults(SIM_A);
    private final InProcessConnector connector = new InProcessConnector(sim, SIM_A);
    private final List<VenueEvent> events = new CopyOnWriteArrayList<>();
    private int ids;

    private CompletableFuture<Order> buy(double qty) {
        return connector.place(OrderRequest.market(BTC, Side.BUY, qty, false, "c-" + (++ids)));
    }

    private static VenueError errorOf(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
        } catch (CompletionException e) {
            return ((VenueException) e.getCause()).error();
        }
        throw new AssertionError("not failed");
    }

    private List<String> kinds() {
        return events.stream().map(InProcessConnectorTest::describe).toList();
    }

    private static String describe(VenueEvent e) {
        if (e instanceof VenueEvent.StatusChange s) {
            return s.state().name();
        }
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "PositionUpdate" -> "Position";
            case "OrderUpdate" -> "Order";
            case "FillEvent" -> "Fill";
            case "PriceUpdate" -> "Price";
            default -> name;
        };
    }

    @Test
    void startEmitsConnectingSnapshotConnectedThenStreams() {
        sim.place(OrderRequest.market(BTC, Side.BUY, 2, false, "before")).join();
        sim.place(new OrderRequest(BTC, Side.BUY, 1, OrderType.LIMIT, 1_000, false, "resting")).join();

        connector.start(events::add);
        assertThat(kinds()).containsExactly("CONNECTING", "Snapshot", "CONNECTED");
        VenueEvent.Snapshot snap = (VenueEvent.Snapshot) events.get(1);
        assertThat(snap.positions()).singleElement().satisfies(p -> assertThat(p.qty()).isEqualTo(2.0));
        assertThat(snap.openOrders()).extracting(Order::clientOrderId).containsExactly("resting");
        assertThat(snap.instruments()).hasSize(6);

        events.clear();
        buy(1).join();
        assertThat(kinds()).containsExactly("Fill", "Order", "Position");
        assertThat(events).allMatch(e -> e.venue().equals(SIM_A) && e.venueTimeMs() == T0 && e.recvNanos() != 0);

        events.clear();
        sim.advance(Duration.ofSeconds(3));
        assertThat(kinds()).filteredOn("Heartbeat"::equals).hasSize(3);
        assertThat(kinds()).contains("Price", "Position");
    }

    @Test
    void optionPriceUpdatesCarryTheUnderlyingSoExposureUsdIsRight() {
        connector.start(events::add);
        events.clear();
        sim.advance(Duration.ofMillis(100));
        InstrumentKey call = new InstrumentKey(SIM_A, sim.btcCallSymbol());
        assertThat(events).filteredOn(e -> e instanceof VenueEvent.PriceUpdate p && p.instrument().equals(call))
                .singleElement().satisfies(e -> {
                    VenueEvent.PriceUpdate p = (VenueEvent.PriceUpdate) e;
                    assertThat(p.markPrice()).isEqualTo(sim.indexPrice("BTC")).isEqualTo(p.indexPrice());
                });
        assertThat(events).filteredOn(e -> e instanceof VenueEvent.PriceUpdate p && p.instrument().equals(BTC))
                .singleElement().satisfies(e -> assertThat(((VenueEvent.PriceUpdate) e).markPrice())
                        .isEqualTo(sim.markPrice(BTC)));
    }

    @Test
    void disconnectGoesDownFailsFetchesAndResyncsFromAFreshSnapshotAfterHeal() {
        connector.start(events::add);
        faults.delayAcks(Duration.ofMillis(500));
        CompletableFuture<Order> inFlight = buy(1);
        events.clear();

        faults.disconnect();
        assertThat(kinds()).containsExactly("DOWN");
        assertThat(errorOf(connector.fetchPositions()).kind()).isEqualTo(VenueError.Kind.NETWORK);
        assertThat(errorOf(connector.fetchOpenOrders()).kind()).isEqualTo(VenueError.Kind.NETWORK);
        assertThat(errorOf(buy(1)).kind()).isEqualTo(VenueError.Kind.NETWORK);

        sim.advance(Duration.ofSeconds(2)); // the in-flight order executes while we are away
        assertThat(errorOf(inFlight).code()).isEqualTo("ack_lost");
        assertThat(kinds()).containsExactly("DOWN");

        faults.heal();
        assertThat(kinds()).containsExactly("DOWN", "CONNECTING", "Snapshot", "CONNECTED");
        VenueEvent.Snapshot fresh = (VenueEvent.Snapshot) events.get(2);
        assertThat(fresh.positions()).singleElement().satisfies(p -> assertThat(p.qty()).isEqualTo(1.0));
        assertThat(connector.fetchPositions().join()).hasSize(1);
    }

    @Test
    void startingWhileTheVenueIsDownReportsDownThenConnectsWhenItReturns() {
        faults.disconnect();
        connector.start(events::add);
        assertThat(kinds()).containsExactly("CONNECTING", "DOWN");
        faults.reconnect();
        assertThat(kinds()).containsExactly("CONNECTING", "DOWN", "CONNECTING", "Snapshot", "CONNECTED");
    }

    @Test
    void silentVenueEmitsNothingAtAllThenResyncs() {
        connector.start(events::add);
        events.clear();
        faults.goSilent();
        CompletableFuture<Order> unanswered = buy(1);
        sim.advance(Duration.ofSeconds(10));
        assertThat(events).isEmpty();
        assertThat(unanswered).isNotDone();
        assertThat(connector.fetchPositions().join()).hasSize(1); // REST-like queries still answer

        faults.endSilence();
        assertThat(unanswered).isCompleted();
        assertThat(kinds()).containsExactly("CONNECTING", "Snapshot", "CONNECTED");
    }

    @Test
    void rejectionCarriesTheSimulatorCodeAndText() {
        faults.rejectNext(1, "-2019", "Margin is insufficient.");
        VenueError e = errorOf(buy(1));
        assertThat(e.kind()).isEqualTo(VenueError.Kind.REJECTED);
        assertThat(e.code()).isEqualTo("-2019");
        assertThat(e.message()).isEqualTo("Margin is insufficient.");
        assertThat(e.venue()).isEqualTo(SIM_A);
    }

    @Test
    void rejectionsOfOrdersFromOtherProgramsArePushedAsErrorReports() {
        connector.start(events::add);
        events.clear();
        faults.rejectNext(1, "10009", "not_enough_funds");
        sim.place(OrderRequest.market(BTC, Side.BUY, 1, false, "bot-7"));
        assertThat(events).singleElement().isInstanceOfSatisfying(VenueEvent.ErrorReport.class, r -> {
            assertThat(r.error().kind()).isEqualTo(VenueError.Kind.REJECTED);
            assertThat(r.error().code()).isEqualTo("10009");
            assertThat(r.error().message()).contains("not_enough_funds", "bot-7", SimExchange.BTC_SPOT);
        });
    }

    @Test
    void delayedAckDelaysTheFuture() {
        faults.delayAcks(Duration.ofMillis(300));
        CompletableFuture<Order> f = buy(1);
        assertThat(f).isNotDone();
        sim.advance(Duration.ofMillis(300));
        assertThat(f.join().state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void cancelAllAndDeadManGoThroughTheSimulator() {
        sim.placeStop(OrderRequest.market(BTC, Side.SELL, 1, false, "stop"), 10_000).join();
        connector.place(new OrderRequest(BTC, Side.BUY, 1, OrderType.LIMIT, 1_000, false, "lim")).join();
        assertThat(connector.cancelAll(BTC).join()).isEqualTo(2);
        assertThat(connector.fetchOpenOrders().join()).isEmpty();

        connector.place(new OrderRequest(BTC, Side.BUY, 1, OrderType.LIMIT, 1_000, false, "lim2")).join();
        connector.armDeadMan(Duration.ofSeconds(1)).join();
        sim.advance(Duration.ofSeconds(2));
        assertThat(connector.fetchOpenOrders().join()).isEmpty();
    }

    @Test
    void monitorOnlyHasNoOrderPath() {
        InProcessConnector readOnly = new InProcessConnector(sim, SIM_A, true);
        assertThat(readOnly.orders()).isEmpty();
        assertThat(errorOf(readOnly.place(OrderRequest.market(BTC, Side.BUY, 1, false, "ro"))).kind())
                .isEqualTo(VenueError.Kind.READ_ONLY);
        assertThat(errorOf(readOnly.cancelAll(BTC)).kind()).isEqualTo(VenueError.Kind.READ_ONLY);
        assertThat(sim.positions(SIM_A)).isEmpty();
        assertThat(connector.orders()).containsSame(connector);
    }

    @Test
    void nothingIsEmittedAfterStop() {
        connector.start(events::add);
        connector.stop();
        events.clear();
        sim.place(OrderRequest.market(BTC, Side.BUY, 1, false, "after")).join();
        sim.advance(Duration.ofSeconds(2));
        faults.disconnect();
        assertThat(events).isEmpty();
    }
}
