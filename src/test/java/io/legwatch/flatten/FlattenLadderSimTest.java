package io.legwatch.flatten;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.OrderRequest;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;
import io.legwatch.sim.SimFaults;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.legwatch.flatten.SimWorld.BASIS;
import static io.legwatch.flatten.SimWorld.PERP;
import static io.legwatch.flatten.SimWorld.SPOT;
import static io.legwatch.flatten.SimWorld.await;
import static io.legwatch.sim.SimExchange.SIM_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The escalation ladder against the simulator (InProcessConnector), reporting to the real engine. */
class FlattenLadderSimTest extends SimWorldTest {
    static final FlattenSettings FAST = FlattenSettings.DEFAULT.withBackoff(Duration.ofMillis(5), Duration.ofMillis(50));

    private KillResult flattenBasis() throws Exception {
        KillHandle h = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:test");
        return h.result().get(30, TimeUnit.SECONDS);
    }

    @Test
    void succeedsFirstTimeCancellingOpenAndConditionalOrders() throws Exception {
        world = new SimWorld(dir, FAST);
        world.nakedLong(1.0);
        // A resting limit and a stop on the naked leg: both must go before the flatten.
        world.sim.place(new OrderRequest(SPOT, Side.BUY, 0.5, OrderType.LIMIT, 30_000, false, "bot-rest")).join();
        world.sim.placeStop(OrderRequest.market(SPOT, Side.BUY, 0.5, false, "bot-stop"), 90_000).join();
        await(() -> world.strategy().legs().get(0).openOrders() == 2, "engine sees both open orders");

        FlattenPlan plan = world.killSwitch.plan(KillScope.strategy(BASIS));
        assertThat(plan.legs()).extracting(PlanLeg::instrument).containsExactly(SPOT, PERP);
        assertThat(plan.legs().get(0).side()).isEqualTo(Side.SELL);
        assertThat(plan.legs().get(0).qty()).isEqualTo(1.0);
        assertThat(plan.legs().get(0).firstOrderType()).isEqualTo(OrderType.LIMIT_IOC);
        assertThat(plan.legs().get(0).reduceOnly()).isTrue();
        assertThat(plan.lines()).anySatisfy(l -> assertThat(l).contains("sim-a BTC-USD").contains("SELL 1")
                .contains("cancel 2 open order(s)"));

        KillResult r = world.killSwitch.execute(plan, "user:test").result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
        assertThat(world.sim.openOrders(SIM_A)).isEmpty();
        assertThat(world.flattenOrdersAtVenue()).hasSize(1);
        KillReceipt a = r.receipts().stream().filter(k -> k.venue().equals(SIM_A)).findFirst().orElseThrow();
        assertThat(a.ordersCancelled()).isEqualTo(2);
        assertThat(a.openOrdersZero()).isTrue();
        assertThat(a.positionsZero()).isTrue();
        assertThat(a.timeToFlatMs()).isNotNaN();
        assertThat(a.stillOpen()).isEmpty();
        LegOutcome spot = a.legs().get(0);
        assertThat(spot.orders()).singleElement().satisfies(o -> {
            assertThat(o.request().type()).isEqualTo(OrderType.LIMIT_IOC);
            assertThat(o.request().reduceOnly()).isTrue();
            assertThat(o.outcome()).isEqualTo(OrderState.FILLED);
        });
        world.awaitStatus(HedgeStatus.FLAT);
        assertThat(world.transitions).anySatisfy(t -> assertThat(t.to()).isEqualTo(HedgeStatus.FLATTENING));
    }

    @Test
    void firstTwoAttemptsRejectedThenSucceedsWithGrowingPayUp() throws Exception {
        world = new SimWorld(dir, FAST);
        world.nakedLong(1.0);
        world.sim.faults(SIM_A).rejectNext(2);

        KillResult r = flattenBasis();

        assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
        List<SentOrder> sent = r.receipts().stream().filter(k -> k.venue().equals(SIM_A)).findFirst().orElseThrow()
                .legs().get(0).orders();
        assertThat(sent).extracting(SentOrder::outcome)
                .containsExactly(OrderState.REJECTED, OrderState.REJECTED, OrderState.FILLED);
        assertThat(sent).extracting(s -> ClientOrderIds.parse(s.request().clientOrderId()).orElseThrow().attempt())
                .containsExactly(1, 2, 3);
        // A SELL pays up by pricing lower each attempt.
        assertThat(sent.get(1).request().limitPrice()).isLessThan(sent.get(0).request().limitPrice());
        assertThat(sent.get(2).request().limitPrice()).isLessThan(sent.get(1).request().limitPrice());
        assertThat(world.flattenFilled(SPOT)).isEqualTo(1.0);
    }

    @Test
    void venueDisconnectsMidFlattenThenResumesVerifiesAndSendsNothingTwice() throws Exception {
        world = new SimWorld(dir, FAST);
        world.nakedLong(1.0);
        SimFaults a = world.sim.faults(SIM_A);
        a.delayAcks(Duration.ofMillis(300)); // the order is in flight at the venue...
        KillHandle h = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:test");
        await(() -> h.progress().legs().get(0).phase() == LegPhase.ORDERING, "order in flight");

        a.disconnect();                               // ...the link drops...
        world.sim.advance(Duration.ofMillis(400));    // ...the venue executes it; the ack is lost
        await(() -> h.progress().legs().get(0).phase() == LegPhase.WAITING_FOR_VENUE, "waiting for the venue");
        assertThat(h.progress().receipts()).anySatisfy(k -> {
            assertThat(k.venue()).isEqualTo(SIM_A);
            assertThat(k.pending()).isTrue();
        });
        assertThat(h.result()).isNotDone();

        a.heal();                                     // the venue comes back
        KillResult r = h.result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
        // One order, sent once: the in-doubt order was settled by the fresh read (position zero), not re-sent.
        assertThat(world.journaledSends()).hasSize(1);
        SentOrder only = r.receipts().get(0).legs().get(0).orders().get(0);
        assertThat(only.outcome()).isEqualTo(OrderState.UNKNOWN);
        assertThat(only.sends()).isEqualTo(1);
    }

    @Test
    void workForAVenueThatIsDownIsQueuedShownPendingAndRetriedWhenItComesBack() throws Exception {
        // Backoff of a minute: the only thing that can retry sooner is the venue coming back.
        world = new SimWorld(dir, FAST.withBackoff(Duration.ofSeconds(60), Duration.ofSeconds(60))
                .withVenueDownAlarm(Duration.ZERO));
        world.nakedLong(1.0);
        world.sim.faults(SIM_A).disconnect();
        world.awaitStatus(HedgeStatus.UNKNOWN);

        KillHandle h = world.killSwitch.execute(world.killSwitch.plan(KillScope.global()), "user:test");
        await(() -> h.progress().legs().stream().anyMatch(l -> l.phase() == LegPhase.WAITING_FOR_VENUE),
                "sim-a work queued");
        assertThat(h.progress().pendingLegs()).isPositive();
        assertThat(h.progress().receipts()).anySatisfy(k -> {
            assertThat(k.venue()).isEqualTo(SIM_A);
            assertThat(k.pending()).isTrue();
            assertThat(k.summary()).contains("PENDING");
        });
        await(() -> world.alarms.stream().anyMatch(a -> a.kind() == FlattenAlarm.Kind.VENUE_UNREACHABLE),
                "venue-unreachable alarm");
        assertThat(h.result()).isNotDone();

        world.sim.faults(SIM_A).heal();
        KillResult r = h.result().get(20, TimeUnit.SECONDS);

        assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
    }

    @Test
    void abandonedWorkStopsSendsNothingAndIsNotReportedFlat() throws Exception {
        world = new SimWorld(dir, FAST);
        world.nakedLong(1.0);
        world.sim.faults(SIM_A).disconnect();
        KillHandle h = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:test");
        await(() -> h.progress().legs().get(0).phase() == LegPhase.WAITING_FOR_VENUE, "waiting for sim-a");

        h.abandon("user:test");
        KillResult r = h.result().get(30, TimeUnit.SECONDS);

        assertThat(r.outcome()).isEqualTo(KillResult.Outcome.ABANDONED);
        assertThat(r.verified()).isFalse();
        assertThat(r.detail()).contains("abandoned");
        assertThat(world.journaledSends()).isEmpty();
        await(() -> {
            try {
                return world.journalLines().stream().anyMatch(l -> l.contains("\"action\":\"abandon\"")
                        && l.contains("\"firedBy\":\"user:test\""));
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }, "abandon journaled");
        world.awaitStatus(HedgeStatus.FLATTEN_FAILED); // not flat, and the engine says so
    }

    @Test
    void partialFillsFromThinLiquidityKeepTheLadderGoingUntilFlat() throws Exception {
        // The book only refills as this test advances simulated time, so leave the loop below room to
        // advance it between attempts even on a loaded machine (with FAST's 5 ms backoff two market orders
        // could meet the same empty book and end the ladder before any liquidity came back).
        world = new SimWorld(dir, FAST.withBackoff(Duration.ofMillis(100), Duration.ofMillis(300)));
        // 24 BTC spot: more than the 10 x 2 BTC the synthetic book holds per side.
        world.trade(SPOT, Side.BUY, 20);
        world.sim.advance(Duration.ofSeconds(10));
        world.trade(SPOT, Side.BUY, 4);
        world.sim.advance(Duration.ofSeconds(10));
        await(() -> world.qtyInSnapshot(SPOT) == 24, "engine sees 24 BTC");
        world.clock.advance(1_500);
        world.awaitStatus(HedgeStatus.NAKED);

        KillHandle h = world.killSwitch.execute(world.killSwitch.plan(KillScope.strategy(BASIS)), "user:test");
        while (!h.result().isDone()) { // the book refills as simulated time passes
            world.sim.advance(Duration.ofMillis(100));
            Thread.sleep(2);
        }
        KillResult r = h.result().get();

        assertThat(r.outcome()).as(r.detail()).isEqualTo(KillResult.Outcome.VERIFIED_FLAT);
        assertThat(world.venueQty(SPOT)).isZero();
        List<SentOrder> sent = r.receipts().get(0).legs().get(0).orders();
        assertThat(sent.size()).isGreaterThan(1);
        assertThat(sent).anySatisfy(s -> assertThat(s.filledQty()).isPositive().isLessThan(s.request().qty()));
        assertThat(world.flattenFilled(SPOT)).isCloseTo(24.0, within(1e-9));
    }

    @Test
    void venueThatNeverConfirmsEndsInFlattenFailedWithAnAlarm() throws Exception {
        world = new SimWorld(dir, FAST.withAttemptTimeout(Duration.ofMillis(150)));
        world.nakedLong(1.0);
        world.sim.faults(SIM_A).delayAcks(Duration.ofHours(1)); // simulated time never gets there

        KillResult r = flattenBasis();

        assertThat(r.outcome()).isEqualTo(KillResult.Outcome.FAILED);
        assertThat(r.detail()).contains("never confirmed");
        assertThat(world.alarms).anySatisfy(al -> {
            assertThat(al.kind()).isEqualTo(FlattenAlarm.Kind.FLATTEN_FAILED);
            assertThat(al.flattenId()).isEqualTo(r.plan().flattenId());
        });
        // Only the one order, re-sent under its own id; never a second order.
        List<SentOrder> sent = r.receipts().stream().filter(k -> k.venue().equals(SIM_A)).findFirst().orElseThrow()
                .legs().get(0).orders();
        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(OrderState.UNKNOWN);
            assertThat(s.sends()).isEqualTo(FAST.maxResends() + 1);
        });
        KillReceipt a = r.receipts().stream().filter(k -> k.venue().equals(SIM_A)).findFirst().orElseThrow();
        assertThat(a.positionsZero()).isFalse();
        assertThat(a.stillOpen()).singleElement().asString().contains("BTC-USD").contains("FAILED");
        world.awaitStatus(HedgeStatus.FLATTEN_FAILED);
    }
}
