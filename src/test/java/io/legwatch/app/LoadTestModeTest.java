package io.legwatch.app;

import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.metrics.LatencyStage;
import io.legwatch.sim.load.LoadProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

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

    private static Set<String> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .filter(t -> !t.getName().startsWith("ForkJoinPool")) // the JDK's common pool is not ours
                .map(Thread::getName).collect(Collectors.toSet());
    }

    private static void waitUntil(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
