package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Order;
import io.legwatch.domain.OrderState;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.legwatch.engine.EngineFixture.A;
import static io.legwatch.engine.EngineFixture.B;
import static io.legwatch.engine.EngineFixture.PERP;
import static io.legwatch.engine.EngineFixture.PRICE;
import static io.legwatch.engine.EngineFixture.S1;
import static io.legwatch.engine.EngineFixture.SPOT;
import static io.legwatch.engine.EngineFixture.TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a published snapshot says besides the status: versions, view reuse, timers, reasons, venues, orders. */
class SnapshotPublishingTest {
    static final Instrument SPOT2 = new Instrument(A, "ETH-USD", "ETH", InstrumentKind.SPOT, 1, 0.001);
    static final Instrument PERP2 = new Instrument(B, "ETH-PERP", "ETH", InstrumentKind.LINEAR, 0.01, 1);
    static final Strategy S2 = new Strategy("s2", "ETH basis", List.of(
            new Leg("spot", SPOT2.key(), Side.BUY, 1), new Leg("perp", PERP2.key(), Side.SELL, 1)), TOLERANCE);

    @Test
    void versionsStrictlyIncreaseAndCarryTheEngineClock() {
        EngineFixture f = new EngineFixture();
        long before = f.monitor.snapshot().version();
        f.connected(1, -1000);
        MonitorSnapshot first = f.monitor.snapshot();
        f.time.advance(250);
        MonitorSnapshot second = f.monitor.publish();
        assertThat(first.version()).isGreaterThan(before);
        assertThat(second.version()).isGreaterThan(first.version());
        assertThat(second.asOfMs()).isEqualTo(f.time.millis());
    }

    @Test
    void unchangedViewsAreReusedByReference() {
        EngineFixture f = new EngineFixture(List.of(S1, S2), MonitorSettings.defaults());
        f.status(A, ConnectionState.CONNECTED);
        f.status(B, ConnectionState.CONNECTED);
        f.snapshot(A, List.of(SPOT, SPOT2), List.of(new Position(SPOT.key(), 1, PRICE, Double.NaN),
                new Position(SPOT2.key(), 10, 3_000, Double.NaN)));
        f.snapshot(B, List.of(PERP, PERP2), List.of(new Position(PERP.key(), -1000, PRICE, Double.NaN),
                new Position(PERP2.key(), -1000, 3_000, Double.NaN)));
        MonitorSnapshot before = f.monitor.snapshot();

        f.position(PERP, -990);
        MonitorSnapshot after = f.monitor.snapshot();

        assertThat(after.strategies().get(1)).as("untouched strategy").isSameAs(before.strategies().get(1));
        assertThat(after.strategies().get(0)).as("touched strategy").isNotSameAs(before.strategies().get(0));
        assertThat(after.strategies().get(0).legs().get(0)).as("untouched leg")
                .isSameAs(before.strategies().get(0).legs().get(0));
        assertThat(after.strategies().get(0).legs().get(1).qty()).isEqualTo(-990);

        f.heartbeat(A);
        MonitorSnapshot afterHeartbeat = f.monitor.snapshot();
        assertThat(afterHeartbeat.version()).isGreaterThan(after.version());
        assertThat(afterHeartbeat.strategies()).as("a heartbeat changes no strategy").isSameAs(after.strategies());
        assertThat(afterHeartbeat.venues().get(B)).isSameAs(after.venues().get(B));
        assertThat(afterHeartbeat.venues().get(A)).isNotSameAs(after.venues().get(A));
    }

    @Test
    void nakedSinceMarksWhenTheStrategyLeftTolerance() {
        EngineFixture f = new EngineFixture().connected(1, -1000);
        assertThat(f.s1().nakedSinceMs()).isZero();
        long left = f.time.millis();
        f.position(PERP, 0);
        assertThat(f.s1().nakedSinceMs()).isEqualTo(left);
        f.advance(3_500);
        assertThat(f.s1().status()).isEqualTo(HedgeStatus.NAKED);
        assertThat(f.s1().nakedSinceMs()).isEqualTo(left);
        assertThat(f.s1().reason()).isEqualTo("net USD delta out of tolerance past the 3000 ms grace");
        assertThat(f.s1().netUsd()).isEqualTo(50_000);
        assertThat(f.s1().grossUsd()).isEqualTo(50_000);
        assertThat(f.s1().allowedUsd()).isEqualTo(1_000);
        f.position(PERP, -1000);
        assertThat(f.s1().nakedSinceMs()).isZero();
        assertThat(f.s1().reason()).isEqualTo("net USD delta within tolerance");
    }

    @Test
    void reasonsNameTheCause() {
        EngineFixture f = new EngineFixture();
        assertThat(f.s1().reason()).isEqualTo("venue sim-a is CONNECTING: positions unknown");
        f.connected(1, -1000);
        f.status(B, ConnectionState.DOWN);
        assertThat(f.s1().reason()).isEqualTo("venue sim-b is DOWN: positions unknown");
        assertThat(f.s1().netUsd()).isNaN();
        LegView perp = f.s1().legs().get(1);
        assertThat(perp.positionKnown()).isFalse();
        assertThat(perp.status()).isEqualTo(HedgeStatus.UNKNOWN);
        assertThat(perp.exposure().known()).isFalse();
        assertThat(perp.qty()).as("last reported quantity is kept for display").isEqualTo(-1000);
        f.status(B, ConnectionState.CONNECTED);
        assertThat(f.s1().reason()).isEqualTo("waiting for a position snapshot from sim-b");
        f.monitor.flattenStarted("s1");
        f.monitor.flattenFinished("s1", false, "ladder exhausted on sim-a");
        f.turn();
        assertThat(f.s1().reason()).isEqualTo("flatten failed: ladder exhausted on sim-a; acknowledge to clear");
    }

    @Test
    void transitionListenersRunAfterTheSnapshotHoldingTheNewStatusIsPublished() {
        EngineFixture f = new EngineFixture().connected(1, -1000);
        List<HedgeStatus> seenInSnapshot = new ArrayList<>();
        f.monitor.addTransitionListener(t -> seenInSnapshot.add(f.monitor.snapshot().strategies().get(0).status()));
        f.transitions.clear();
        long at = f.time.millis();
        f.position(PERP, 0);
        assertThat(f.transitions).containsExactly(new StatusTransition("s1", HedgeStatus.HEDGED, HedgeStatus.LEGGING,
                at, 50_000, "net USD delta out of tolerance within the 3000 ms grace"));
        assertThat(seenInSnapshot).containsExactly(HedgeStatus.LEGGING);
    }

    @Test
    void failingListenersDoNotStopTheEngine() {
        EngineFixture f = new EngineFixture();
        f.monitor.addSnapshotListener(s -> {
            throw new IllegalStateException("listener bug");
        });
        f.connected(1, -1000);
        assertThat(f.s1().status()).isEqualTo(HedgeStatus.HEDGED);
    }

    @Test
    void venueViewShowsStalenessErrorsAndDetail() {
        EngineFixture f = new EngineFixture(List.of(S1),
                MonitorSettings.defaults().withStaleAfter(B, Duration.ofSeconds(1)));
        f.connected(1, -1000);
        assertThat(f.monitor.snapshot().venues().get(B).state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(f.monitor.snapshot().venues().get(B).detail()).isEqualTo("CONNECTED by test");
        f.advance(1_001);
        assertThat(f.monitor.snapshot().venues().get(B).state()).as("B limit 1 s").isEqualTo(ConnectionState.STALE);
        assertThat(f.monitor.snapshot().venues().get(B).detail()).isEqualTo("nothing heard for more than 1000 ms");
        assertThat(f.monitor.snapshot().venues().get(A).state()).as("A default 5 s").isEqualTo(ConnectionState.CONNECTED);
        assertThat(f.s1().legs().get(1).venueState()).isEqualTo(ConnectionState.STALE);
        assertThat(f.s1().status()).isEqualTo(HedgeStatus.UNKNOWN);

        VenueError error = new VenueError(B, VenueError.Kind.RATE_LIMITED, "10006", "too many requests");
        f.send(new VenueEvent.ErrorReport(error, 0, 0));
        VenueView b = f.monitor.snapshot().venues().get(B);
        assertThat(b.state()).as("any message lifts staleness").isEqualTo(ConnectionState.CONNECTED);
        assertThat(b.detail()).isEqualTo("CONNECTED by test");
        assertThat(b.lastError()).isEqualTo(error);
        assertThat(b.errorCount()).isEqualTo(1);
        assertThat(b.lastMessageMs()).isEqualTo(f.time.millis());
    }

    @Test
    void malformedInputBecomesAVenueErrorAndChangesNothing() {
        EngineFixture f = new EngineFixture().connected(1, -1000);
        f.send(new VenueEvent.PositionUpdate(new Position(PERP.key(), Double.NaN, PRICE, Double.NaN), 0, 0));
        VenueView b = f.monitor.snapshot().venues().get(B);
        assertThat(b.errorCount()).isEqualTo(1);
        assertThat(b.lastError().kind()).isEqualTo(VenueError.Kind.MALFORMED);
        assertThat(b.lastError().message()).contains("sim-b:BTC-PERP").contains("NaN");
        assertThat(f.s1().legs().get(1).qty()).isEqualTo(-1000);
        assertThat(f.s1().status()).isEqualTo(HedgeStatus.HEDGED);
    }

    @Test
    void aSnapshotWithAMalformedPositionLeavesTheVenueUnknown() {
        EngineFixture f = new EngineFixture().connected(1, -1000);
        f.snapshot(B, List.of(PERP), List.of(new Position(PERP.key(), Double.NaN, PRICE, Double.NaN)));
        assertThat(f.monitor.snapshot().venues().get(B).lastError().message()).contains("snapshot ignored");
        assertThat(f.s1().status()).isEqualTo(HedgeStatus.UNKNOWN);
        assertThat(f.s1().reason()).isEqualTo("waiting for a position snapshot from sim-b");
        f.snapshot(B, List.of(PERP), List.of(new Position(PERP.key(), -1000, PRICE, Double.NaN)));
        assertThat(f.s1().status()).isEqualTo(HedgeStatus.HEDGED);
    }

    @Test
    void anInDoubtOrderWhoseDeltaCannotBeComputedMakesTheStrategyUnknown() {
        EngineFixture f = new EngineFixture();
        f.status(A, ConnectionState.CONNECTED);
        f.status(B, ConnectionState.CONNECTED);
        f.snapshot(A, List.of(SPOT), List.of(new Position(SPOT.key(), 1, PRICE, Double.NaN)));
        f.snapshot(B, List.of(PERP), List.of(), List.of(new Order(PERP.key(), null, "h1", Side.SELL, OrderType.MARKET,
                1000, 0, Double.NaN, false, false, OrderState.UNKNOWN, null)));
        assertThat(f.s1().status()).as("no price for the perp: the order's effect is unknown")
                .isEqualTo(HedgeStatus.UNKNOWN);
        assertThat(f.s1().reason()).isEqualTo("order in doubt on sim-b:BTC-PERP with no computable delta");
        f.price(PERP, PRICE);
        assertThat(f.s1().status()).as("now computable: it may have filled, so the strategy may be hedged or not")
                .isEqualTo(HedgeStatus.LEGGING);
        assertThat(f.s1().legs().get(1).ordersInDoubt()).isEqualTo(1);
    }

    @Test
    void ordersAreCountedAndASnapshotDropsAbsentOrders() {
        EngineFixture f = new EngineFixture().connected(1, -1000);
        f.order(PERP.key(), "v1", "c1", Side.BUY, 10, OrderState.NEW);
        f.order(PERP.key(), null, "c2", Side.BUY, 10, OrderState.PENDING);
        f.order(PERP.key(), "v3", "c3", Side.BUY, 10, OrderState.UNKNOWN);
        LegView perp = f.s1().legs().get(1);
        assertThat(perp.openOrders()).isEqualTo(3);
        assertThat(perp.ordersInDoubt()).isEqualTo(2);

        f.order(PERP.key(), "v2", "c2", Side.BUY, 10, OrderState.PARTIALLY_FILLED);
        perp = f.s1().legs().get(1);
        assertThat(perp.openOrders()).as("ack replaced the pending order").isEqualTo(3);
        assertThat(perp.ordersInDoubt()).isEqualTo(1);

        Order resting = new Order(PERP.key(), "v1", "c1", Side.BUY, OrderType.LIMIT, 10, 0, 49_000, false, false,
                OrderState.NEW, null);
        f.snapshot(B, List.of(PERP), List.of(new Position(PERP.key(), -1000, PRICE, Double.NaN)), List.of(resting));
        perp = f.s1().legs().get(1);
        assertThat(perp.openOrders()).isEqualTo(1);
        assertThat(perp.ordersInDoubt()).isZero();
    }

    @Test
    void fillsAreRecordedButPositionsStayAuthoritative() {
        EngineFixture f = new EngineFixture().connected(1, -1000);
        f.fill(PERP.key(), Side.SELL, 5);
        f.fill(PERP.key(), Side.SELL, 7);
        LegView perp = f.s1().legs().get(1);
        assertThat(perp.fills()).isEqualTo(2);
        assertThat(perp.lastFill().qty()).isEqualTo(7);
        assertThat(perp.qty()).isEqualTo(-1000);
        assertThat(f.s1().status()).isEqualTo(HedgeStatus.HEDGED);
    }

    @Test
    void publishPolicyDecidesWhetherAnIdleTurnPublishes() {
        EngineFixture onChange = new EngineFixture().connected(1, -1000);
        MonitorSnapshot before = onChange.monitor.snapshot();
        assertThat(onChange.turn()).as("ON_CHANGE: nothing changed, nothing published").isSameAs(before);

        EngineFixture everyTurn = new EngineFixture(List.of(S1),
                MonitorSettings.defaults().withPublishPolicy(MonitorSettings.PublishPolicy.EVERY_TURN)).connected(1, -1000);
        MonitorSnapshot last = everyTurn.monitor.snapshot();
        everyTurn.time.advance(100);
        MonitorSnapshot next = everyTurn.turn();
        assertThat(next.version()).isGreaterThan(last.version());
        assertThat(next.asOfMs()).isEqualTo(last.asOfMs() + 100);
        assertThat(next.strategies()).as("nothing changed: same views").isSameAs(last.strategies());
    }

    @Test
    void aTurnAppliesAtMostMaxBatchInputsInOrder() {
        EngineFixture f = new EngineFixture(List.of(S1), MonitorSettings.defaults().withMaxBatch(2)).connected(1, -1000);
        f.monitor.submit(new VenueEvent.PositionUpdate(new Position(PERP.key(), -900, PRICE, Double.NaN), 0, 1));
        f.monitor.submit(new VenueEvent.PositionUpdate(new Position(PERP.key(), -800, PRICE, Double.NaN), 0, 2));
        f.monitor.submit(new VenueEvent.PositionUpdate(new Position(PERP.key(), -700, PRICE, Double.NaN), 0, 3));
        MonitorSnapshot first = f.turn();
        assertThat(first.lastEventRecvNanos()).isEqualTo(2);
        assertThat(first.strategies().get(0).legs().get(1).qty()).isEqualTo(-800);
        MonitorSnapshot second = f.turn();
        assertThat(second.lastEventRecvNanos()).isEqualTo(3);
        assertThat(second.strategies().get(0).legs().get(1).qty()).isEqualTo(-700);
    }

    @Test
    void onlyTheEngineThreadMayDriveAStartedMonitor() {
        EngineFixture f = new EngineFixture();
        f.monitor.start();
        try {
            assertThatThrownBy(() -> f.monitor.apply(new VenueEvent.Heartbeat(A, 0, 0)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(f.monitor::publish).isInstanceOf(IllegalStateException.class);
        } finally {
            f.monitor.close();
        }
    }
}
