package io.legwatch.engine;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Side;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.Tolerance;
import io.legwatch.domain.VenueId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigValidationTest {
    static final InstrumentKey PERP = new InstrumentKey(VenueId.of("deribit-main"), "BTC-PERPETUAL");
    static final InstrumentKey SPOT = new InstrumentKey(VenueId.of("binance-main"), "BTCUSDT");

    static Strategy strategy(String id, Leg... legs) {
        return new Strategy(id, id, List.of(legs), Tolerance.DEFAULT);
    }

    @Test
    void twoStrategiesClaimingOneInstrumentIsAClearError() {
        List<Strategy> config = List.of(
                strategy("basis-1", new Leg("a-spot", SPOT, Side.BUY, 1), new Leg("a-perp", PERP, Side.SELL, 1)),
                strategy("basis-2", new Leg("b-perp", PERP, Side.SELL, 1)));
        assertThatThrownBy(() -> new HedgeMonitor(config, MonitorSettings.defaults(), new ManualTime(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deribit-main:BTC-PERPETUAL")
                .hasMessageContaining("leg 'a-perp' of strategy 'basis-1'")
                .hasMessageContaining("leg 'b-perp' of strategy 'basis-2'");
    }

    @Test
    void oneStrategyClaimingAnInstrumentTwiceIsAnError() {
        List<Strategy> config = List.of(
                strategy("basis-1", new Leg("p1", PERP, Side.SELL, 1), new Leg("p2", PERP, Side.SELL, 1)));
        assertThatThrownBy(() -> new HedgeMonitor(config, MonitorSettings.defaults(), new ManualTime(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leg 'p1' of strategy 'basis-1'")
                .hasMessageContaining("leg 'p2' of strategy 'basis-1'");
    }

    @Test
    void repeatedStrategyIdIsAnError() {
        List<Strategy> config = List.of(strategy("s", new Leg("a", PERP, Side.SELL, 1)),
                strategy("s", new Leg("b", SPOT, Side.BUY, 1)));
        assertThatThrownBy(() -> new HedgeMonitor(config, MonitorSettings.defaults(), new ManualTime(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strategy id 's' is configured twice");
    }

    @Test
    void controlForAnUnknownStrategyIsRejectedAtOnce() {
        HedgeMonitor monitor = new HedgeMonitor(List.of(strategy("s", new Leg("a", PERP, Side.SELL, 1))),
                MonitorSettings.defaults(), new ManualTime(0));
        assertThatThrownBy(() -> monitor.flattenStarted("nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no strategy 'nope'");
    }

    @Test
    void settingsRejectNonPositiveLimits() {
        assertThatThrownBy(() -> MonitorSettings.defaults().withStaleAfter(VenueId.of("v"), java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("venue v");
        assertThatThrownBy(() -> MonitorSettings.defaults().withMaxBatch(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
