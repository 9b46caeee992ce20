package io.legwatch.app;

import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.metrics.LatencyStage;
import io.legwatch.sim.load.LoadProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static io.legwatch.app.SessionThreads.startedSince;
import static io.legwatch.app.SessionThreads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The load-test session without a window: the profile's strategies reach the engine and close() stops every thread. */
class LoadTestModeTest {
    @Test
    void loadReachesTheEngineAndCloseStopsEveryThreadItStarted(@TempDir Path journal) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        LoadProfile small = LoadProfile.defaults().withStrategies(20).withLegsPerStrategy(2)
                .withMessagesPerSecond(5_000).withDuration(Duration.ofSeconds(30));
        LoadTestMode load = new LoadTestMode(small, journal);
        assertThat(load.label()).contains("20 x 2 legs").contains("5,000 msg/s");
        load.start();
        try {
            waitUntil(Duration.ofSeconds(30), () -> {
                MonitorSnapshot s = load.snapshot();
                return s.strategies().size() == 20 && s.lastEventRecvNanos() != 0;
            });
            // The connectors' sink and the engine feed the session's latency recorder (no window: no FX stages).
            waitUntil(Duration.ofSeconds(30), () -> {
                load.latency().roll();
                return load.latency().total(LatencyStage.VENUE_TO_PUBLISHED).count() > 0;
            });
        } finally {
            load.close();
        }
        waitUntil(Duration.ofSeconds(10), () -> startedSince(before).isEmpty());
        load.close(); // idempotent
    }
}
