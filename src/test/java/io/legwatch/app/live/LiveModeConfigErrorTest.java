package io.legwatch.app.live;

import io.legwatch.config.AppConfig;
import io.legwatch.config.AppConfigException;
import io.legwatch.config.AppDirs;
import io.legwatch.config.ConfigLoader;
import io.legwatch.config.CredentialResolver;
import io.legwatch.domain.TimeSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A config that cannot be used stops Legwatch before anything runs: a message with the field path, no threads. */
class LiveModeConfigErrorTest {
    @TempDir
    Path dir;

    @Test
    void aBadFileIsRefusedWithItsFieldPathsAndStartsNothing() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Path file = Files.writeString(dir.resolve("config.json"), """
                { "venues": [ { "id": "deribit-sim", "type": "deribit", "environment": "loopback",
                                "restUrl": "http://127.0.0.1:1", "wsUrl": "ws://127.0.0.1:1/ws/api/v2",
                                "credentials": { "apiKeyEnv": "LW_TEST_ID", "apiSecretEnv": "LW_TEST_SECRET" },
                                "monitorOnyl": true } ],
                  "strategies": [ { "id": "s", "legs": [ { "venue": "deribit-simm", "symbol": "BTC-PERPETUAL" } ] } ] }
                """);
        assertThatThrownBy(() -> LiveMode.fromFile(file, new AppDirs(dir)))
                .isInstanceOfSatisfying(AppConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("venues[0].monitorOnyl"))
                        .anyMatch(p -> p.startsWith("strategies[0].legs[0].venue")));
        assertThat(newThreads(before)).isEmpty();
        assertThat(dir.resolve("journal")).doesNotExist();
    }

    @Test
    void missingCredentialsAreNamedPerVenueAndWhatWasBuiltIsStoppedAgain() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        AppConfig config = ConfigLoader.parse("""
                { "venues": [
                    { "id": "deribit-sim", "type": "deribit", "environment": "loopback",
                      "restUrl": "http://127.0.0.1:1", "wsUrl": "ws://127.0.0.1:1/ws/api/v2",
                      "credentials": { "apiKeyEnv": "LW_TEST_ID", "apiSecretEnv": "LW_TEST_SECRET" } },
                    { "id": "okx-sim", "type": "okx", "environment": "loopback",
                      "restUrl": "http://127.0.0.1:2", "wsUrl": "ws://127.0.0.1:2/ws/v5/private",
                      "credentials": { "apiKeyEnv": "LW_OKX_KEY", "apiSecretEnv": "LW_OKX_SECRET",
                                       "passphraseEnv": "LW_OKX_PASS" } } ] }
                """, "test");
        Map<String, String> env = Map.of("LW_TEST_ID", "id", "LW_TEST_SECRET", "s3cr3t-value", "LW_OKX_KEY", "k");
        assertThatThrownBy(() -> new LiveMode(config, "test", new CredentialResolver(env::get), dir.resolve("journal"),
                TimeSource.SYSTEM))
                .isInstanceOfSatisfying(AppConfigException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            "venue \"okx-sim\" credentials.apiSecretEnv: environment variable LW_OKX_SECRET is not set",
                            "venue \"okx-sim\" credentials.passphraseEnv: environment variable LW_OKX_PASS is not set");
                    assertThat(e.getMessage()).doesNotContain("s3cr3t-value");
                });
        assertThat(newThreads(before)).isEmpty();
        assertThat(dir.resolve("journal")).doesNotExist();
    }

    /** Threads started since {@code before} that are still alive after a moment to wind down. */
    private static Set<String> newThreads(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        Set<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                    .map(Thread::getName).collect(Collectors.toSet());
            if (alive.isEmpty()) {
                break;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return alive;
    }
}
