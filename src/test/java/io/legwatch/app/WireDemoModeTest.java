package io.legwatch.app;

import io.legwatch.app.live.WireDemoMode;
import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.engine.VenueView;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.demo.DemoScenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.legwatch.app.SessionThreads.assertAllStoppedSince;
import static io.legwatch.app.SessionThreads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's demo over the real wire: simulator front ends on 127.0.0.1 (OKX on sim-a, Bybit on sim-b,
 * Deribit on sim-c), watched and flattened through the production connectors.
 */
class WireDemoModeTest {
    private static final VenueId OKX = VenueId.of("okx-sim");
    private static final VenueId BYBIT = VenueId.of("bybit-sim");
    private static final VenueId DERIBIT = VenueId.of("deribit-sim");

    @Test
    void watchesTheSimulatorOverTheVenueProtocolsAndFlattensThroughThem() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        WireDemoMode demo = new WireDemoMode(13);
        demo.start();
        try {
            waitUntil(Duration.ofSeconds(60), () -> {
                MonitorSnapshot s = demo.snapshot();
                return s.strategies().size() == 3
                        && s.venues().values().stream().map(VenueView::state).allMatch(ConnectionState.CONNECTED::equals)
                        && s.strategies().stream().map(StrategyView::status).noneMatch(HedgeStatus.UNKNOWN::equals);
            });
            assertThat(demo.snapshot().venues()).containsOnlyKeys(OKX, BYBIT, DERIBIT);

            // The fault panel names venues as the table does and breaks the simulator account behind each.
            FaultControl faults = demo.faults().orElseThrow();
            assertThat(faults.venues()).containsExactlyInAnyOrder(OKX, BYBIT, DERIBIT);
            faults.inject(BYBIT, new Fault.RejectNext(2));
            assertThat(demo.simulator().exchange().faults(SimExchange.SIM_B).pendingRejects()).isEqualTo(2);
            faults.heal(BYBIT);
            assertThat(demo.simulator().exchange().faults(SimExchange.SIM_B).pendingRejects()).isZero();

            // ETH funding: long ETHUSDT on sim-b (Bybit), short ETHUSDT on sim-c (Deribit).
            StrategyView eth = demo.snapshot().strategies().stream()
                    .filter(s -> s.id().equals(DemoScenario.ETH_FUNDING)).findFirst().orElseThrow();
            FlattenPreview preview = demo.preview(new FlattenTarget.Strategy(eth.id(), eth.name()));
            ActionReceipt receipt = demo.execute(preview).get(60, TimeUnit.SECONDS);
            assertThat(receipt.verified()).as(receipt.detail()).isTrue();
            SimExchange sim = demo.simulator().exchange();
            assertThat(sim.position(new InstrumentKey(SimExchange.SIM_B, SimExchange.ETH_LINEAR)).qty()).isZero();
            assertThat(sim.position(new InstrumentKey(SimExchange.SIM_C, SimExchange.ETH_LINEAR)).qty()).isZero();
            waitUntil(Duration.ofSeconds(30), () -> demo.snapshot().strategies().stream()
                    .anyMatch(s -> s.id().equals(DemoScenario.ETH_FUNDING) && s.status() == HedgeStatus.FLAT));
        } finally {
            demo.close();
        }
        assertAllStoppedSince(before);
    }

    /**
     * The app starts the session only after the window's first frame, so a window closed at once
     * (or a failed first frame) closes a session that never started: its constructor's simulator,
     * front ends and HTTP client must still stop.
     */
    @Test
    void closeBeforeStartStopsWhatTheConstructorStarted() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        WireDemoMode demo = new WireDemoMode(17);
        demo.close();
        demo.start(); // after close: does nothing
        assertAllStoppedSince(before);
    }

    /** The window closing while the session-start thread is still starting it. */
    @Test
    void closeWhileStartingStopsEverything() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        WireDemoMode demo = new WireDemoMode(19);
        Thread starter = new Thread(demo::start, "test-session-start");
        starter.start();
        demo.close();
        starter.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(starter.isAlive()).isFalse();
        assertAllStoppedSince(before);
    }
}
