package io.legwatch.venue.net;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitGateTest {
    private final ManualTime time = new ManualTime();
    private final RateLimitGate gate = new RateLimitGate(VenueId.of("v"), time,
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.0, new Random(1)));

    @Test
    void blocksUntilTheCoolDownEndsAndGrowsOnRepeatedLimits() {
        assertThat(gate.checkOpen()).isEmpty();
        assertThat(gate.onRateLimited(null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(gate.checkOpen()).hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(VenueError.Kind.RATE_LIMITED));
        time.advance(Duration.ofMillis(1000));
        assertThat(gate.checkOpen()).isEmpty();
        assertThat(gate.onRateLimited(null)).isEqualTo(Duration.ofSeconds(2));
        gate.onSuccess();
        time.advance(Duration.ofSeconds(2));
        assertThat(gate.onRateLimited(null)).as("success resets the backoff").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void honoursALongerRetryAfter() {
        assertThat(gate.onRateLimited(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        time.advance(Duration.ofSeconds(29));
        assertThat(gate.checkOpen()).isPresent();
        time.advance(Duration.ofSeconds(1));
        assertThat(gate.checkOpen()).isEmpty();
    }
}
