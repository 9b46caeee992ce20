package io.legwatch.venue.sim;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.HedgeMonitor;
import io.legwatch.engine.LegView;
import io.legwatch.engine.MonitorSettings;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.demo.DemoWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.legwatch.sim.demo.DemoScenario.BTC_BASIS;
import static io.legwatch.sim.demo.DemoScenario.BTC_OPTION_HEDGE;
import static io.legwatch.sim.demo.DemoScenario.ETH_FUNDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The demo as the app runs it, on manual time: DemoWorld -> one InProcessConnector per venue ->
 * the real HedgeMonitor, driven synchronously on the test thread with the simulator's clock.
 */
class DemoEndToEndTest {
    private static final long T0 = 1_767_225_600_000L;

    private DemoWorld world;
    private SimExchange sim;
    private HedgeMonitor monitor;
    private final List<InProcessConnector> connectors = new ArrayList<>();

    @BeforeEach
    void wire() {
        world = DemoWorld.create(99, fixed(T0));
        sim = world.exchange();
        TimeSource simTime = new TimeSource() {
            @Override
            public long millis() {
                return sim.nowMs();
            }

            @Override
            public long nanos() {
                return System.nanoTime();
            }
        };
        monitor = new HedgeMonitor(world.strategies(), MonitorSettings.defaults(), simTime);
        for (VenueId v : sim.venues()) {
            InProcessConnector c = new InProcessConnector(sim, v);
            c.start(monitor::apply);
            connectors.add(c);
        }
    }

    @AfterEach
    void unwire() {
        connectors.forEach(InProcessConnector::stop);
    }

    private MonitorSnapshot run(Duration d) {
        MonitorSnapshot last = null;
        for (long t = 0; t < d.toMillis(); t += SimExchange.TICK_MS) {
            world.advance(Duration.ofMillis(SimExchange.TICK_MS));
            monitor.tick();
            last = monitor.publish();
        }
        return last;
    }

    private static HedgeStatus status(MonitorSnapshot s, String id) {
        return view(s, id).status();
    }

    private static StrategyView view(MonitorSnapshot s, String id) {
        return s.strategies().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void demoStrategiesAreHedgedAndLegBrieflyWhenRebalancing() {
        MonitorSnapshot s = run(Duration.ofSeconds(1));
        for (String id : List.of(BTC_BASIS, ETH_FUNDING, BTC_OPTION_HEDGE)) {
            assertThat(status(s, id)).as(id + ": " + view(s, id).reason()).isEqualTo(HedgeStatus.HEDGED);
            assertThat(view(s, id).grossUsd()).isBetween(200_000.0, 2_000_000.0);
        }
        Set<HedgeStatus> seen = EnumSet.noneOf(HedgeStatus.class);
        int samples = 300;
        int hedged = 0;
        for (int i = 0; i < samples; i++) {
            s = run(Duration.ofMillis(100));
            for (StrategyView v : s.strategies()) {
                seen.add(v.status());
                hedged += v.status() == HedgeStatus.HEDGED ? 1 : 0;
                // every leg is priced in USD per base unit (an option leg by its underlying, not its premium)
                for (LegView leg : v.legs()) {
                    double expected = sim.indexPrice(leg.instrument().symbol().startsWith("ETH") ? "ETH" : "BTC");
                    assertThat(leg.markPrice()).as(leg.legId()).isCloseTo(expected, withinPercentage(1));
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(HedgeStatus.HEDGED, HedgeStatus.LEGGING);
        assertThat(hedged).as("HEDGED most of the time").isGreaterThan(samples * 3 * 8 / 10);
    }

    @Test
    void aRejectedHedgeTurnsTheStrategyNakedAndTheErrorReachesTheVenueView() {
        world.trader().halt(ETH_FUNDING);
        run(Duration.ofSeconds(1));
        while (!world.trader().state(BTC_BASIS).orElseThrow().hedgePending()) {
            run(Duration.ofMillis(100));
        }
        sim.faults(SimExchange.SIM_B).rejectNext(1, "10009", "not_enough_funds");
        MonitorSnapshot s = run(Duration.ofSeconds(4));
        assertThat(status(s, BTC_BASIS)).as(view(s, BTC_BASIS).reason()).isEqualTo(HedgeStatus.NAKED);
        assertThat(s.venues().get(SimExchange.SIM_B).lastError().code()).isEqualTo("10009");
    }

    @Test
    void disconnectMakesTheLegsUnknownAndHealResyncs() {
        run(Duration.ofSeconds(1));
        sim.faults(SimExchange.SIM_C).disconnect();
        MonitorSnapshot s = run(Duration.ofMillis(200));
        assertThat(s.venues().get(SimExchange.SIM_C).state()).isEqualTo(ConnectionState.DOWN);
        assertThat(status(s, ETH_FUNDING)).isEqualTo(HedgeStatus.UNKNOWN);
        assertThat(status(s, BTC_OPTION_HEDGE)).isEqualTo(HedgeStatus.UNKNOWN);
        assertThat(status(s, BTC_BASIS)).isIn(HedgeStatus.HEDGED, HedgeStatus.LEGGING);

        sim.faults(SimExchange.SIM_C).heal();
        s = run(Duration.ofMillis(200));
        assertThat(s.venues().get(SimExchange.SIM_C).state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(status(s, ETH_FUNDING)).isNotEqualTo(HedgeStatus.UNKNOWN);
    }

    @Test
    void aSilentVenueGoesStaleAndItsStrategiesUnknown() {
        run(Duration.ofSeconds(1));
        sim.faults(SimExchange.SIM_A).goSilent();
        MonitorSnapshot s = run(Duration.ofSeconds(7));
        assertThat(s.venues().get(SimExchange.SIM_A).state()).isEqualTo(ConnectionState.STALE);
        assertThat(status(s, BTC_BASIS)).isEqualTo(HedgeStatus.UNKNOWN);
        assertThat(status(s, BTC_OPTION_HEDGE)).isEqualTo(HedgeStatus.UNKNOWN);
    }

    private static TimeSource fixed(long ms) {
        return new TimeSource() {
            @Override
            public long millis() {
                return ms;
            }

            @Override
            public long nanos() {
                return 0;
            }
        };
    }
}
