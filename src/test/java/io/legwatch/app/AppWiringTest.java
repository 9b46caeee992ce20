package io.legwatch.app;

import io.legwatch.app.live.WireDemoMode;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppWiringTest {
    @Test
    void demoFlagBuildsTheDemoWithoutStartingIt() {
        try (LegwatchSession session = AppWiring.fromArgs(List.of("--demo", "--seed=3"))) {
            assertThat(session).isInstanceOf(WireDemoMode.class); // over the venues' wire protocols
            assertThat(session.faults()).isPresent();
        }
        try (LegwatchSession session = AppWiring.fromArgs(List.of("--demo", "--in-process", "--seed=3"))) {
            assertThat(session).isInstanceOf(DemoMode.class);
            assertThat(session.faults()).isPresent();
        }
    }

    @Test
    void badArgumentsAreAMessageForTheTraderNotAHalfStartedApp() {
        assertThatThrownBy(() -> AppWiring.fromArgs(List.of("--seed=abc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seed must be a whole number");
        assertThatThrownBy(() -> AppWiring.fromArgs(List.of("--config", "/nonexistent/legwatch.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("legwatch.json");
    }
}
