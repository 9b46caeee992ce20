package io.legwatch.sim;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Position;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.legwatch.sim.SimExchange.SIM_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The load generator's additions: extra listings and positions set without an order. */
class SimListingTest {
    private static final long T0 = 1_767_225_600_000L;
    private final SimExchange sim = new SimExchange(42, T0);
    private final Instrument extra = new Instrument(SIM_B, "LD-ETH-0001-1", "ETH", InstrumentKind.LINEAR, 1, 0.01);

    @Test
    void aListedInstrumentIsPricedFromItsIndexAndAppearsInSnapshots() {
        sim.list(extra);
        List<Double> prices = new ArrayList<>();
        try (SimSubscription sub = sim.subscribe(SIM_B, new SimListener() {
            @Override
            public void onPrice(InstrumentKey instrument, double markPrice, double indexPrice, long venueTimeMs) {
                if (instrument.equals(extra.key())) {
                    prices.add(markPrice);
                }
            }
        })) {
            assertThat(sub.snapshot().instruments()).contains(extra);
            sim.advance(Duration.ofMillis(300));
        }
        assertThat(prices).hasSize(3);
        assertThat(prices.get(2)).isEqualTo(sim.indexPrice("ETH"));
    }

    @Test
    void setPositionPushesTheNewPositionRoundedToTheLot() {
        sim.list(extra);
        List<Position> pushed = new ArrayList<>();
        try (SimSubscription ignored = sim.subscribe(SIM_B, new SimListener() {
            @Override
            public void onPosition(Position position, long venueTimeMs) {
                pushed.add(position);
            }
        })) {
            sim.setPosition(extra.key(), -2.503);
            sim.setPosition(extra.key(), 0);
        }
        assertThat(pushed).extracting(Position::qty).containsExactly(-2.5, 0.0);
        assertThat(pushed.get(0).venueDelta()).isCloseTo(-2.5, within(1e-9));
        assertThat(sim.positions(SIM_B)).isEmpty();
    }

    @Test
    void refusesWhatItCannotPrice() {
        sim.list(extra);
        assertThatThrownBy(() -> sim.list(extra)).hasMessageContaining("already listed");
        assertThatThrownBy(() -> sim.list(new Instrument(SIM_B, "SOL-X", "SOL", InstrumentKind.SPOT, 1, 0.1)))
                .hasMessageContaining("no index for underlying SOL");
        assertThatThrownBy(() -> sim.list(new Instrument(SIM_B, "BTC-X-C", "BTC", InstrumentKind.OPTION, 1, 0.1)))
                .hasMessageContaining("option");
        assertThatThrownBy(() -> sim.setPosition(new InstrumentKey(SIM_B, "NOPE"), 1))
                .hasMessageContaining("not listed");
    }
}
