package io.legwatch.sim;

import io.legwatch.domain.Fill;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static io.legwatch.sim.SimExchange.SIM_A;
import static io.legwatch.sim.SimExchange.SIM_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SimExchangeTest {
    static final long T0 = 1_767_225_600_000L;
    static final InstrumentKey A_BTC = new InstrumentKey(SIM_A, SimExchange.BTC_SPOT);
    static final InstrumentKey A_PERP = new InstrumentKey(SIM_A, SimExchange.BTC_INVERSE);

    private final SimExchange sim = new SimExchange(42, T0);
    private int ids;

    private OrderRequest market(InstrumentKey key, Side side, double qty, boolean reduceOnly) {
        return OrderRequest.market(key, side, qty, reduceOnly, "t-" + (++ids));
    }

    private Order placed(OrderRequest r) {
        CompletableFuture<Order> f = sim.place(r);
        assertThat(f).isDone();
        return f.join();
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
    void listsTheDemoInstrumentsOnEveryVenue() {
        for (var v : sim.venues()) {
            assertThat(sim.instruments(v)).extracting(i -> i.kind())
                    .contains(InstrumentKind.SPOT, InstrumentKind.LINEAR, InstrumentKind.INVERSE, InstrumentKind.OPTION);
        }
        assertThat(sim.venues()).containsExactly(SIM_A, SIM_B, SimExchange.SIM_C);
        assertThat(sim.indexPrice("BTC")).isEqualTo(60_000.0);
        assertThat(sim.markPrice(new InstrumentKey(SIM_A, sim.btcCallSymbol()))).isBetween(2_000.0, 8_000.0);
    }

    @Test
    void sameSeedGivesSamePricesAndFills() {
        SimExchange other = new SimExchange(42, T0);
        SimExchange different = new SimExchange(43, T0);
        List<Double> p1 = new ArrayList<>();
        List<Double> p2 = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sim.advance(Duration.ofMillis(250));
            other.advance(Duration.ofMillis(125));
            other.advance(Duration.ofMillis(125));
            different.advance(Duration.ofMillis(250));
            p1.add(sim.markPrice(A_PERP));
            p2.add(other.markPrice(A_PERP));
        }
        assertThat(p1).isEqualTo(p2);
        assertThat(different.markPrice(A_PERP)).isNotEqualTo(sim.markPrice(A_PERP));
        assertThat(p1.get(49)).isNotEqualTo(p1.get(0));
        Order a = sim.place(OrderRequest.market(A_BTC, Side.BUY, 7.5, false, "x")).join();
        Order b = other.place(OrderRequest.market(A_BTC, Side.BUY, 7.5, false, "x")).join();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void bigMarketOrderWalksTheBookFillsPartiallyAndSlips() {
        List<Fill> fills = new ArrayList<>();
        sim.subscribe(SIM_A, new SimListener() {
            @Override
            public void onFill(Fill fill, long t) {
                fills.add(fill);
            }
        });
        double mark = sim.markPrice(A_BTC);
        double depth = sim.book(A_BTC).asks().stream().mapToDouble(BookLevel::size).sum();
        Order o = placed(market(A_BTC, Side.BUY, depth + 5, false));
        assertThat(o.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(o.filledQty()).isCloseTo(depth, within(1e-9));
        assertThat(o.reason()).contains("insufficient liquidity");
        assertThat(o.price()).isGreaterThan(mark * 1.0005);
        assertThat(fills).hasSize(10);
        assertThat(fills.get(9).price()).isGreaterThan(fills.get(0).price());
        assertThat(sim.position(A_BTC).qty()).isCloseTo(depth, within(1e-9));

        // the book is empty now, and comes back over time
        assertThat(sim.book(A_BTC).asks()).allMatch(l -> l.size() == 0);
        sim.advance(Duration.ofSeconds(10));
        assertThat(sim.book(A_BTC).asks()).allMatch(l -> l.size() == 2.0);
    }

    @Test
    void iocLimitFillsAtTheLimitOrBetterAndExpiresTheRest() {
        BookView book = sim.book(A_BTC);
        double limit = book.asks().get(1).price();
        Order o = placed(new OrderRequest(A_BTC, Side.BUY, 10, OrderType.LIMIT_IOC, limit, false, "ioc"));
        assertThat(o.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(o.filledQty()).isCloseTo(4.0, within(1e-9));
        assertThat(sim.openOrders(SIM_A)).isEmpty();
    }

    @Test
    void restingLimitOrderIsOpenAndFillsWhenThePriceComes() {
        double far = sim.markPrice(A_BTC) * 0.5;
        Order o = placed(new OrderRequest(A_BTC, Side.BUY, 1, OrderType.LIMIT, far, false, "rest"));
        assertThat(o.state()).isEqualTo(OrderState.NEW);
        assertThat(sim.openOrders(SIM_A)).extracting(Order::clientOrderId).containsExactly("rest");
        Order cross = placed(new OrderRequest(A_BTC, Side.SELL, 1, OrderType.LIMIT, far, false, "cross"));
        assertThat(cross.state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void reduceOnlyIsClippedToThePositionAndNeverFlips() {
        placed(market(A_PERP, Side.SELL, 300, false));
        Order o = placed(market(A_PERP, Side.BUY, 1_000, true));
        assertThat(o.filledQty()).isEqualTo(300.0);
        assertThat(o.reason()).contains("clipped");
        assertThat(sim.position(A_PERP).qty()).isZero();

        VenueError e = errorOf(sim.place(market(A_PERP, Side.BUY, 10, true)));
        assertThat(e.kind()).isEqualTo(VenueError.Kind.REJECTED);
        assertThat(e.code()).isEqualTo(SimErrorCodes.REDUCE_ONLY);
        assertThat(sim.position(A_PERP).qty()).isZero();

        placed(market(A_PERP, Side.BUY, 50, false));
        VenueError sameSide = errorOf(sim.place(market(A_PERP, Side.BUY, 10, true)));
        assertThat(sameSide.code()).isEqualTo(SimErrorCodes.REDUCE_ONLY);
        assertThat(sim.position(A_PERP).qty()).isEqualTo(50.0);
    }

    @Test
    void duplicateClientOrderIdIsRejectedAndNotExecutedTwice() {
        placed(OrderRequest.market(A_BTC, Side.BUY, 1, false, "same"));
        VenueError e = errorOf(sim.place(OrderRequest.market(A_BTC, Side.BUY, 1, false, "same")));
        assertThat(e.code()).isEqualTo(SimErrorCodes.DUPLICATE_CLIENT_ID);
        assertThat(sim.position(A_BTC).qty()).isEqualTo(1.0);
        // the id space is per account
        placed(OrderRequest.market(new InstrumentKey(SIM_B, SimExchange.BTC_SPOT), Side.BUY, 1, false, "same"));
    }

    @Test
    void quantityOffTheLotIsRejected() {
        VenueError e = errorOf(sim.place(market(A_PERP, Side.BUY, 1.5, false)));
        assertThat(e.code()).isEqualTo(SimErrorCodes.INVALID_QUANTITY);
    }

    @Test
    void cancelAllRemovesConditionalOrdersToo() {
        double mark = sim.markPrice(A_PERP);
        Order stop = sim.placeStop(market(A_PERP, Side.SELL, 100, false), mark * 0.9).join();
        assertThat(stop.conditional()).isTrue();
        placed(new OrderRequest(A_PERP, Side.BUY, 100, OrderType.LIMIT, mark * 0.8, false, "lim"));
        placed(new OrderRequest(A_BTC, Side.BUY, 1, OrderType.LIMIT, 1_000, false, "other"));
        assertThat(sim.openOrders(SIM_A)).hasSize(3);

        assertThat(sim.cancelAll(A_PERP).join()).isEqualTo(2);
        assertThat(sim.openOrders(SIM_A)).extracting(Order::clientOrderId).containsExactly("other");
        assertThat(sim.cancelAll(SIM_A).join()).isEqualTo(1);
        assertThat(sim.openOrders(SIM_A)).isEmpty();
    }

    @Test
    void stopOrderTriggersWhenTheMarkCrosses() {
        double mark = sim.markPrice(A_PERP);
        sim.placeStop(market(A_PERP, Side.BUY, 100, false), mark * 0.5).join();
        sim.advance(Duration.ofMillis(100));
        assertThat(sim.openOrders(SIM_A)).isEmpty();
        assertThat(sim.position(A_PERP).qty()).isEqualTo(100.0);
    }

    @Test
    void optionPositionReportsBlackScholesDeltaAndIndex() {
        InstrumentKey call = new InstrumentKey(SIM_A, sim.btcCallSymbol());
        placed(market(call, Side.BUY, 10, false));
        Position p = sim.position(call);
        assertThat(p.qty()).isEqualTo(10.0);
        assertThat(p.venueDelta()).isBetween(4.0, 6.5); // ~0.55 x 10 at the money
        assertThat(p.markPrice()).isEqualTo(sim.indexPrice("BTC"));
        Position perp = sim.position(A_PERP);
        assertThat(perp.qty()).isZero();
    }

    @Test
    void inversePositionDeltaIsUsdOverMark() {
        placed(market(A_PERP, Side.SELL, 6_000, false)); // 60,000 USD
        Position p = sim.position(A_PERP);
        assertThat(p.venueDelta()).isCloseTo(-60_000 / p.markPrice(), within(1e-9));
        assertThat(p.venueDelta()).isCloseTo(-1.0, within(0.01));
    }

    @Test
    void deadManSwitchCancelsOpenOrdersWhenNotRefreshed() {
        placed(new OrderRequest(A_BTC, Side.BUY, 1, OrderType.LIMIT, 1_000, false, "l1"));
        sim.armDeadMan(SIM_A, Duration.ofSeconds(2)).join();
        sim.advance(Duration.ofMillis(1_500));
        sim.armDeadMan(SIM_A, Duration.ofSeconds(2)).join();
        sim.advance(Duration.ofMillis(1_500));
        assertThat(sim.openOrders(SIM_A)).hasSize(1);
        sim.advance(Duration.ofMillis(600));
        assertThat(sim.openOrders(SIM_A)).isEmpty();
    }

    @Test
    void subscriptionSeesFillOrderAndPositionThenStopsAfterClose() {
        List<String> seen = new ArrayList<>();
        SimSubscription sub = sim.subscribe(SIM_A, new SimListener() {
            @Override
            public void onPosition(Position position, long t) {
                seen.add("position " + position.qty());
            }

            @Override
            public void onOrder(Order order, long t) {
                seen.add("order " + order.state());
            }

            @Override
            public void onFill(Fill fill, long t) {
                seen.add("fill");
            }

            @Override
            public void onHeartbeat(io.legwatch.domain.VenueId venue, long t) {
                seen.add("heartbeat");
            }
        });
        assertThat(sub.snapshot().positions()).isEmpty();
        placed(market(A_BTC, Side.BUY, 1, false));
        assertThat(seen).containsExactly("fill", "order FILLED", "position 1.0");
        seen.clear();
        sim.advance(Duration.ofSeconds(1));
        assertThat(seen).containsExactly("heartbeat", "position 1.0");
        sub.close();
        seen.clear();
        sim.advance(Duration.ofSeconds(2));
        placed(market(A_BTC, Side.BUY, 1, false));
        assertThat(seen).isEmpty();
    }
}
