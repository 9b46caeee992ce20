package io.legwatch.sim;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static io.legwatch.sim.SimExchange.SIM_A;
import static io.legwatch.sim.SimExchange.SIM_B;
import static org.assertj.core.api.Assertions.assertThat;

class SimFaultsTest {
    private static final InstrumentKey A_BTC = new InstrumentKey(SIM_A, SimExchange.BTC_SPOT);
    private static final InstrumentKey B_BTC = new InstrumentKey(SIM_B, SimExchange.BTC_SPOT);

    private final SimExchange sim = new SimExchange(7, SimExchangeTest.T0);
    private final SimFaults faults = sim.faults(SIM_A);
    private final List<String> events = new ArrayList<>();
    private int ids;

    SimFaultsTest() {
        sim.subscribe(SIM_A, new SimListener() {
            @Override
            public void onOrder(Order order, long t) {
                events.add("order");
            }

            @Override
            public void onPrice(InstrumentKey instrument, double mark, double index, long t) {
                events.add("price");
            }

            @Override
            public void onHeartbeat(VenueId venue, long t) {
                events.add("heartbeat");
            }

            @Override
            public void onLink(VenueId venue, SimLink link, String detail, long t) {
                events.add("link " + link);
            }
        });
    }

    private CompletableFuture<Order> buy(InstrumentKey key, double qty) {
        return sim.place(OrderRequest.market(key, Side.BUY, qty, false, "f-" + (++ids)));
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

    @Test
    void rejectNextRejectsExactlyNOrdersWithTheGivenCodeAndText() {
        faults.rejectNext(2, "10009", "not_enough_funds");
        assertThat(faults.state().rejectCode()).isEqualTo("10009");
        VenueError first = errorOf(buy(A_BTC, 1));
        assertThat(first.kind()).isEqualTo(VenueError.Kind.REJECTED);
        assertThat(first.code()).isEqualTo("10009");
        assertThat(first.message()).isEqualTo("not_enough_funds");
        assertThat(faults.pendingRejects()).isEqualTo(1);
        assertThat(buy(B_BTC, 1).join().state()).isEqualTo(OrderState.FILLED); // other venues unaffected
        errorOf(buy(A_BTC, 1));
        assertThat(buy(A_BTC, 1).join().state()).isEqualTo(OrderState.FILLED);
        assertThat(sim.position(A_BTC).qty()).isEqualTo(1.0);
    }

    @Test
    void rateLimitRefusesWithoutExecuting() {
        faults.rateLimitNext(1);
        assertThat(faults.state().rejectKind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        VenueError e = errorOf(buy(A_BTC, 1));
        assertThat(e.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED);
        assertThat(e.code()).isEqualTo(SimErrorCodes.RATE_LIMITED);
        assertThat(sim.position(A_BTC).qty()).isZero();
        assertThat(faults.state().healthy()).isTrue();
        // a refused order did not use up its client id: the resend goes through
        assertThat(sim.place(OrderRequest.market(A_BTC, Side.BUY, 1, false, "f-" + ids)).join().state())
                .isEqualTo(OrderState.FILLED);
    }

    @Test
    void disconnectDropsStreamsAndFailsRequestsUntilReconnect() {
        buy(A_BTC, 1).join();
        faults.disconnect();
        assertThat(faults.isDisconnected()).isTrue();
        assertThat(events).endsWith("link DOWN");
        events.clear();
        sim.advance(Duration.ofSeconds(3));
        assertThat(events).isEmpty();
        VenueError e = errorOf(buy(A_BTC, 1));
        assertThat(e.kind()).isEqualTo(VenueError.Kind.NETWORK);
        assertThat(errorOf(sim.cancelAll(SIM_A)).kind()).isEqualTo(VenueError.Kind.NETWORK);
        assertThat(sim.position(A_BTC).qty()).isEqualTo(1.0);

        faults.reconnect();
        assertThat(events).containsExactly("link UP");
        sim.advance(Duration.ofSeconds(1));
        assertThat(events).contains("price", "heartbeat");
        assertThat(buy(A_BTC, 1).join().state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void silentVenueSendsNothingButStillExecutesAndWithholdsTheAck() {
        faults.goSilent();
        assertThat(faults.isSilent()).isTrue();
        events.clear();
        sim.advance(Duration.ofSeconds(5));
        assertThat(events).isEmpty();

        CompletableFuture<Order> f = buy(A_BTC, 1);
        assertThat(f).isNotDone();
        assertThat(sim.position(A_BTC).qty()).isEqualTo(1.0);
        assertThat(events).isEmpty();

        faults.endSilence();
        assertThat(f).isCompleted();
        assertThat(f.join().state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void goingDownWhileSilentLosesWithheldAcks() {
        faults.goSilent();
        CompletableFuture<Order> f = buy(A_BTC, 1);
        faults.disconnect();
        VenueError e = errorOf(f);
        assertThat(e.kind()).isEqualTo(VenueError.Kind.NETWORK);
        assertThat(e.code()).isEqualTo(SimErrorCodes.ACK_LOST);
        assertThat(sim.position(A_BTC).qty()).isEqualTo(1.0); // it executed: outcome was unknown to the client
        faults.reconnect();
        assertThat(sim.findOrder(SIM_A, "f-" + ids)).hasValueSatisfying(o -> assertThat(o.state())
                .isEqualTo(OrderState.FILLED));
        assertThat(sim.findOrder(SIM_A, "never-sent")).isEmpty();
    }

    @Test
    void delayedAckReallyDelaysExecutionAndAnswer() {
        faults.delayAcks(Duration.ofMillis(500));
        CompletableFuture<Order> f = buy(A_BTC, 1);
        sim.advance(Duration.ofMillis(400));
        assertThat(f).isNotDone();
        assertThat(sim.position(A_BTC).qty()).isZero();
        sim.advance(Duration.ofMillis(100));
        assertThat(f).isCompleted();
        assertThat(sim.position(A_BTC).qty()).isEqualTo(1.0);
    }

    @Test
    void partialFillsFillOnlyTheFraction() {
        faults.partialFills(0.25);
        Order o = buy(A_BTC, 1).join();
        assertThat(o.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(o.filledQty()).isEqualTo(0.25);
        assertThat(o.reason()).contains("partial fill");
        assertThat(sim.position(A_BTC).qty()).isEqualTo(0.25);
    }

    @Test
    void stalePricesFreezeTheVenueMarksButKeepPublishing() {
        faults.stalePrices(true);
        double frozen = sim.markPrice(A_BTC);
        double otherBefore = sim.markPrice(B_BTC);
        events.clear();
        sim.advance(Duration.ofSeconds(5));
        assertThat(sim.markPrice(A_BTC)).isEqualTo(frozen);
        assertThat(sim.markPrice(B_BTC)).isNotEqualTo(otherBefore);
        assertThat(events).contains("price");
        faults.stalePrices(false);
        sim.advance(Duration.ofMillis(100));
        assertThat(sim.markPrice(A_BTC)).isNotEqualTo(frozen);
    }

    @Test
    void thinBookOffersLessDepthSoTheSameOrderSlipsMore() {
        SimExchange normal = new SimExchange(7, SimExchangeTest.T0);
        faults.thinBook(0.25);
        assertThat(sim.book(A_BTC).asks()).allMatch(l -> l.size() == 0.5);
        Order thin = buy(A_BTC, 3).join();
        Order full = normal.place(OrderRequest.market(A_BTC, Side.BUY, 3, false, "n")).join();
        assertThat(thin.filledQty()).isEqualTo(3.0);
        assertThat(thin.price()).isGreaterThan(full.price());
    }

    @Test
    void healClearsEveryFault() {
        faults.rejectNext(5);
        faults.delayAcks(Duration.ofSeconds(1));
        faults.partialFills(0.5);
        faults.stalePrices(true);
        faults.thinBook(0.1);
        faults.goSilent();
        assertThat(faults.state().healthy()).isFalse();
        faults.heal();
        assertThat(faults.state()).isEqualTo(FaultState.HEALTHY);
        assertThat(buy(A_BTC, 1).join().state()).isEqualTo(OrderState.FILLED);
    }
}
