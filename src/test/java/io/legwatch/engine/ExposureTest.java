package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Position;
import io.legwatch.domain.Side;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.Tolerance;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each instrument kind's exposure and its effect on status: the strategy holds +0.2 BTC spot on
 * venue A (10,000 USD at 50,000) and the instrument under test on venue B as its hedge.
 * Tolerance 1,000 USD (2 % of 20,000 gross is less).
 */
class ExposureTest {
    static final VenueId A = VenueId.of("sim-a");
    static final VenueId B = VenueId.of("sim-b");
    static final Instrument SPOT_A = new Instrument(A, "BTC-USD", "BTC", InstrumentKind.SPOT, 1, 0.0001);

    static Stream<Arguments> rows() {
        Instrument spotB = new Instrument(B, "BTC-USDT", "BTC", InstrumentKind.SPOT, 1, 0.0001);
        Instrument linear = new Instrument(B, "BTCUSDT", "BTC", InstrumentKind.LINEAR, 0.001, 1);
        Instrument linearBig = new Instrument(B, "BTCUSDT", "BTC", InstrumentKind.LINEAR, 0.01, 1);
        Instrument inverse = new Instrument(B, "BTC-PERPETUAL", "BTC", InstrumentKind.INVERSE, 10, 1);
        Instrument option = new Instrument(B, "BTC-27DEC-50000-C", "BTC", InstrumentKind.OPTION, 1, 0.1);
        return Stream.of(
                // instrument, qty, mark, venue delta, expected base delta, expected USD, expected status
                Arguments.of("SPOT -0.2 BTC", spotB, -0.2, 50_000.0, Double.NaN, -0.2, -10_000.0, HedgeStatus.HEDGED),
                Arguments.of("SPOT -0.1 BTC", spotB, -0.1, 50_000.0, Double.NaN, -0.1, -5_000.0, HedgeStatus.LEGGING),
                Arguments.of("LINEAR -200 x 0.001 BTC", linear, -200.0, 50_000.0, Double.NaN, -0.2, -10_000.0,
                        HedgeStatus.HEDGED),
                Arguments.of("LINEAR -200 x 0.01 BTC (contract size matters)", linearBig, -200.0, 50_000.0, Double.NaN,
                        -2.0, -100_000.0, HedgeStatus.LEGGING),
                Arguments.of("INVERSE -1000 x 10 USD at 50,000", inverse, -1000.0, 50_000.0, Double.NaN, -0.2,
                        -10_000.0, HedgeStatus.HEDGED),
                Arguments.of("INVERSE -1000 x 10 USD at 40,000", inverse, -1000.0, 40_000.0, Double.NaN, -0.25,
                        -10_000.0, HedgeStatus.HEDGED),
                Arguments.of("INVERSE -500 x 10 USD at 50,000", inverse, -500.0, 50_000.0, Double.NaN, -0.1,
                        -5_000.0, HedgeStatus.LEGGING),
                Arguments.of("INVERSE without a mark price", inverse, -1000.0, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, HedgeStatus.UNKNOWN),
                Arguments.of("OPTION with venue delta -0.2", option, 5.0, 50_000.0, -0.2, -0.2, -10_000.0,
                        HedgeStatus.HEDGED),
                Arguments.of("OPTION with venue delta -0.5", option, 5.0, 50_000.0, -0.5, -0.5, -25_000.0,
                        HedgeStatus.LEGGING),
                Arguments.of("OPTION without venue delta", option, 5.0, 50_000.0, Double.NaN, Double.NaN, Double.NaN,
                        HedgeStatus.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void exposureAndStatus(String name, Instrument hedge, double qty, double mark, double venueDelta,
                           double expectedDelta, double expectedUsd, HedgeStatus expectedStatus) {
        Strategy strategy = new Strategy("x", "x", List.of(new Leg("spot", SPOT_A.key(), Side.BUY, 1),
                new Leg("hedge", hedge.key(), Side.SELL, 1)), new Tolerance(1_000, 2.0, Duration.ofSeconds(3)));
        ManualTime time = new ManualTime(1_000_000);
        HedgeMonitor monitor = new HedgeMonitor(List.of(strategy), MonitorSettings.defaults(), time);
        monitor.apply(new VenueEvent.StatusChange(A, ConnectionState.CONNECTED, "", 0, 0));
        monitor.apply(new VenueEvent.StatusChange(B, ConnectionState.CONNECTED, "", 0, 0));
        monitor.apply(new VenueEvent.Snapshot(A, List.of(SPOT_A),
                List.of(new Position(SPOT_A.key(), 0.2, 50_000, Double.NaN)), List.of(), 0, 0));
        monitor.apply(new VenueEvent.Snapshot(B, List.of(hedge),
                List.of(new Position(hedge.key(), qty, mark, venueDelta)), List.of(), 0, 0));
        MonitorSnapshot snapshot = monitor.publish();

        StrategyView view = snapshot.strategies().get(0);
        LegView leg = view.legs().get(1);
        assertThat(leg.kind()).isEqualTo(hedge.kind());
        assertThat(leg.positionKnown()).isTrue();
        assertThat(leg.qty()).isEqualTo(qty);
        if (Double.isNaN(expectedDelta)) {
            assertThat(leg.exposure().known()).isFalse();
            assertThat(leg.status()).isEqualTo(HedgeStatus.UNKNOWN);
            assertThat(view.netUsd()).isNaN();
        } else {
            assertThat(leg.exposure().baseDelta()).isCloseTo(expectedDelta, within(1e-9));
            assertThat(leg.exposure().usd()).isCloseTo(expectedUsd, within(1e-6));
            assertThat(view.netUsd()).isCloseTo(10_000 + expectedUsd, within(1e-6));
            assertThat(leg.status()).isEqualTo(expectedStatus);
        }
        assertThat(view.status()).as(view.reason()).isEqualTo(expectedStatus);
    }
}
