package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Position;
import io.legwatch.domain.VenueEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.legwatch.engine.EngineFixture.A;
import static io.legwatch.engine.EngineFixture.B;
import static io.legwatch.engine.EngineFixture.OTHER;
import static io.legwatch.engine.EngineFixture.PERP;
import static io.legwatch.engine.EngineFixture.PRICE;
import static io.legwatch.engine.EngineFixture.SPOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Positions no leg claims, and the net delta per underlying across every venue. */
class UnassignedAndUnderlyingTest {
    /** A BTC future on B that no strategy claims: 0.01 BTC per contract. */
    static final Instrument FUTURE = new Instrument(B, "BTC-27DEC", "BTC", InstrumentKind.LINEAR, 0.01, 1);

    @Test
    void unclaimedNonZeroPositionsAreUnassigned() {
        EngineFixture f = new EngineFixture().connected(1, -1000);
        assertThat(f.monitor.snapshot().unassigned()).isEmpty();

        f.send(new VenueEvent.PositionUpdate(
                new Position(OTHER.key(), 10, 3_000, Double.NaN), 0, 0));
        List<LegView> unassigned = f.monitor.snapshot().unassigned();
        assertThat(unassigned).hasSize(1);
        LegView eth = unassigned.get(0);
        assertThat(eth.legId()).isNull();
        assertThat(eth.strategyId()).isNull();
        assertThat(eth.intendedSide()).isNull();
        assertThat(eth.instrument()).isEqualTo(OTHER.key());
        assertThat(eth.qty()).isEqualTo(10);
        assertThat(eth.exposure().baseDelta()).isEqualTo(10);
        assertThat(eth.exposure().usd()).isEqualTo(30_000);
        assertThat(eth.status()).as("nothing hedges it").isEqualTo(HedgeStatus.NAKED);
        assertThat(f.s1().status()).isEqualTo(HedgeStatus.HEDGED);

        f.heartbeat(B);
        assertThat(f.monitor.snapshot().unassigned().get(0)).as("reused while unchanged").isSameAs(eth);

        f.status(A, ConnectionState.DOWN);
        LegView down = f.monitor.snapshot().unassigned().get(0);
        assertThat(down.positionKnown()).isFalse();
        assertThat(down.status()).isEqualTo(HedgeStatus.UNKNOWN);

        f.status(A, ConnectionState.CONNECTED);
        f.snapshot(A, List.of(SPOT, OTHER), List.of(new Position(SPOT.key(), 1, PRICE, Double.NaN)));
        assertThat(f.monitor.snapshot().unassigned()).as("ETH absent from the snapshot: flat").isEmpty();
    }

    @Test
    void byUnderlyingNetsEveryKnownPositionAcrossVenues() {
        EngineFixture f = new EngineFixture();
        f.status(A, ConnectionState.CONNECTED);
        f.status(B, ConnectionState.CONNECTED);
        f.snapshot(A, List.of(SPOT, OTHER), List.of(new Position(SPOT.key(), 1, PRICE, Double.NaN),
                new Position(OTHER.key(), 10, 3_000, Double.NaN)));
        f.snapshot(B, List.of(PERP, FUTURE), List.of(new Position(PERP.key(), -1000, PRICE, Double.NaN),
                new Position(FUTURE.key(), -50, PRICE, Double.NaN)));

        List<UnderlyingView> views = f.monitor.snapshot().byUnderlying();
        assertThat(views).extracting(UnderlyingView::underlying).containsExactly("BTC", "ETH");
        UnderlyingView btc = views.get(0);
        assertThat(btc.netBaseDelta()).isCloseTo(-0.5, within(1e-9));
        assertThat(btc.netUsd()).isCloseTo(-25_000, within(1e-6));
        assertThat(btc.grossUsd()).isCloseTo(125_000, within(1e-6));
        assertThat(btc.complete()).isTrue();
        UnderlyingView eth = views.get(1);
        assertThat(eth.netBaseDelta()).isEqualTo(10);
        assertThat(eth.netUsd()).isEqualTo(30_000);
        assertThat(eth.complete()).isTrue();
        assertThat(f.monitor.snapshot().unassigned()).extracting(LegView::instrument)
                .containsExactlyInAnyOrder(OTHER.key(), FUTURE.key());

        f.status(B, ConnectionState.DOWN);
        views = f.monitor.snapshot().byUnderlying();
        btc = views.get(0);
        assertThat(btc.complete()).as("B's BTC positions are unknown").isFalse();
        assertThat(btc.netBaseDelta()).as("only what is known").isEqualTo(1);
        assertThat(views.get(1)).as("ETH lives only on A: unchanged view reused").isSameAs(eth);
    }
}
