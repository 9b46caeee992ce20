package io.legwatch.app;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.sim.SimExchange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static io.legwatch.app.SessionThreads.startedSince;
import static io.legwatch.app.SessionThreads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** Demo wiring without a window: it comes up hedged, faults reach the simulator, and close() leaves no thread behind. */
class DemoModeTest {
    @Test
    void startsHedgedAndCloseStopsEveryThreadItStarted() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        DemoMode demo = new DemoMode(11);
        assertThat(demo.snapshot()).isNotNull(); // a first (empty-state) snapshot exists before start
        demo.start();
        try {
            waitUntil(Duration.ofSeconds(30), () -> {
                MonitorSnapshot s = demo.snapshot();
                return s.strategies().size() == 3
                        && s.strategies().stream().map(StrategyView::status).anyMatch(HedgeStatus.HEDGED::equals);
            });
            assertThat(demo.snapshot().venues()).containsKeys(SimExchange.SIM_A, SimExchange.SIM_B, SimExchange.SIM_C);
            assertThat(demo.faults()).isPresent();
            demo.faults().orElseThrow().inject(SimExchange.SIM_A, new Fault.RejectNext(2));
            assertThat(demo.world().exchange().faults(SimExchange.SIM_A).pendingRejects()).isEqualTo(2);
            demo.faults().orElseThrow().heal(SimExchange.SIM_A);
            assertThat(demo.world().exchange().faults(SimExchange.SIM_A).pendingRejects()).isZero();
        } finally {
            demo.close();
        }
        waitUntil(Duration.ofSeconds(10), () -> startedSince(before).isEmpty());
        demo.close(); // idempotent
    }
}
