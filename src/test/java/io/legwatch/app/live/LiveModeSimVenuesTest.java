package io.legwatch.app.live;

import io.legwatch.config.AppConfig;
import io.legwatch.config.ConfigLoader;
import io.legwatch.config.CredentialResolver;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.flatten.AutoFlattenPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.legwatch.app.live.LiveModeIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A config with {@code type: sim} venues: in-process simulator, policies from the file, journal where asked. */
class LiveModeSimVenuesTest {
    private static final String CONFIG = """
            { "venues": [ { "id": "sim-a", "type": "sim" }, { "id": "sim-b", "type": "sim", "monitorOnly": true } ],
              "strategies": [
                { "id": "basis", "legs": [ { "venue": "sim-a", "symbol": "BTC-USD", "side": "long" },
                                           { "venue": "sim-b", "symbol": "BTC-PERPETUAL", "side": "short" } ],
                  "autoFlatten": { "enabled": true, "thresholdUsd": 2500, "graceSeconds": 4, "maxAttempts": 2 } },
                { "id": "eth", "legs": [ { "venue": "sim-a", "symbol": "ETHUSDT", "side": "long" } ] } ],
              "venueDownPolicy": { "enabled": true, "afterSeconds": 20 } }
            """;

    @TempDir
    Path dir;

    @Test
    void runsOnTheInProcessSimulatorWithTheFilesPoliciesArmedAsConfigured() throws Exception {
        AppConfig config = ConfigLoader.parse(CONFIG, "test");
        try (LiveMode live = new LiveMode(config, "test", new CredentialResolver(Map.<String, String>of()::get),
                dir.resolve("journal"), TimeSource.SYSTEM)) {
            assertThat(live.faults()).isEmpty();
            assertThat(live.autoFlatten().globalArmed()).isTrue();
            assertThat(live.autoFlatten().armed("basis")).isTrue();
            assertThat(live.autoFlatten().armed("eth")).isFalse();
            AutoFlattenPolicy.State policy = live.safety().policy().state();
            assertThat(policy.venueDownRule().enabled()).isTrue();
            assertThat(policy.venueDownRule().downFor()).isEqualTo(Duration.ofSeconds(20));
            assertThat(policy.strategies()).filteredOn(s -> s.strategyId().equals("basis")).singleElement()
                    .satisfies(s -> {
                        assertThat(s.rule().thresholdUsd()).isEqualTo(2500);
                        assertThat(s.rule().nakedFor()).isEqualTo(Duration.ofSeconds(4));
                        assertThat(s.rule().maxAttempts()).isEqualTo(2);
                    });

            live.start();
            await(() -> live.snapshot().venues().size() == 2
                            && live.snapshot().venues().values().stream().allMatch(v -> v.state().trusted()),
                    () -> "both sim venues connected: " + live.snapshot().venues());
            await(() -> basis(live.snapshot()).status() == HedgeStatus.FLAT,
                    () -> "nothing held, every leg known: " + basis(live.snapshot()));
            assertThat(live.snapshot().venues()).containsKey(VenueId.of("sim-b"));
            // Arming changes from the file were journaled where the session was told to journal.
            try (var files = Files.list(dir.resolve("journal"))) {
                assertThat(files.toList()).isNotEmpty();
            }
        }
    }

    private static StrategyView basis(MonitorSnapshot s) {
        return s.strategies().stream().filter(v -> v.id().equals("basis")).findFirst().orElseThrow();
    }
}
