package io.legwatch.app.live;

import io.legwatch.domain.Strategy;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.demo.DemoScenario;
import io.legwatch.sim.protocol.ProtocolSimulator;
import io.legwatch.sim.protocol.ProtocolSimulator.Options;
import io.legwatch.sim.protocol.ProtocolSimulator.Protocol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which demo strategies the protocol simulator maps onto its front ends (the generated config's strategies). */
class ProtocolSimulatorMappingTest {
    private static List<String> mapped(Map<Protocol, VenueId> assignment) {
        try (ProtocolSimulator sim = ProtocolSimulator.start(new Options(3, false, 0, assignment), TimeSource.SYSTEM)) {
            return sim.mappedStrategies().stream().map(Strategy::id).toList();
        }
    }

    @Test
    void theDefaultAssignmentCarriesEveryDemoStrategyOnTheFrontEndVenueIds() {
        try (ProtocolSimulator sim = ProtocolSimulator.start(Options.defaults(), TimeSource.SYSTEM)) {
            List<Strategy> strategies = sim.mappedStrategies();
            assertThat(strategies).extracting(Strategy::id).containsExactly(DemoScenario.BTC_BASIS,
                    DemoScenario.ETH_FUNDING, DemoScenario.BTC_OPTION_HEDGE);
            Strategy basis = strategies.get(0);
            assertThat(basis.legs()).extracting(l -> l.instrument().toString()).containsExactly(
                    VenueId.of("okx-sim") + ":" + SimExchange.BTC_SPOT,
                    VenueId.of("bybit-sim") + ":" + SimExchange.BTC_INVERSE);
            assertThat(sim.served()).extracting(s -> s.restUrl()).allMatch(u -> u.startsWith("http://127.0.0.1:"));
        }
    }

    @Test
    void aStrategyIsMappedOnlyWhenEveryLegIsVisible() {
        // Binance shows only linear perps: sim-b's inverse BTC-PERPETUAL (btc-basis) is not visible there.
        assertThat(mapped(Map.of(Protocol.BINANCE, SimExchange.SIM_B, Protocol.OKX, SimExchange.SIM_C)))
                .containsExactly(DemoScenario.ETH_FUNDING);
        assertThat(mapped(Map.of(Protocol.BINANCE, SimExchange.SIM_B))).isEmpty();
        // Bybit's connector reads linear and inverse only: the call on sim-c is not visible there.
        assertThat(mapped(Map.of(Protocol.OKX, SimExchange.SIM_A, Protocol.DERIBIT, SimExchange.SIM_B,
                Protocol.BYBIT, SimExchange.SIM_C))).containsExactly(DemoScenario.BTC_BASIS, DemoScenario.ETH_FUNDING);
    }

    @Test
    void oneAccountIsServedByOneProtocolAtMost() {
        assertThatThrownBy(() -> new Options(1, false, 0, Map.of(Protocol.BINANCE, SimExchange.SIM_A,
                Protocol.OKX, SimExchange.SIM_A))).hasMessageContaining("one front end only");
        assertThat(ProtocolSimulator.parseAssignment("binance=sim-b, okx=sim-c"))
                .isEqualTo(Map.of(Protocol.BINANCE, SimExchange.SIM_B, Protocol.OKX, SimExchange.SIM_C));
        assertThatThrownBy(() -> ProtocolSimulator.parseAssignment("binanse=sim-b")).hasMessageContaining("binanse");
    }
}
