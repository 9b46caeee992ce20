package io.legwatch.venue.net;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {
    @Test
    void withoutJitterDoublesUpToTheCap() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 2.0, 0.0, new Random(1));
        assertThat(new long[]{b.next().toMillis(), b.next().toMillis(), b.next().toMillis(), b.next().toMillis(),
                b.next().toMillis(), b.next().toMillis()})
                .containsExactly(100, 200, 400, 800, 1000, 1000);
        assertThat(b.attempts()).isEqualTo(6);
    }

    @Test
    void jitterStaysWithinItsBandAndVaries() {
        Backoff b = new Backoff(Duration.ofMillis(1000), Duration.ofMillis(1000), 2.0, 0.5, new Random(42));
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 200; i++) {
            long d = b.next().toMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isGreaterThanOrEqualTo(500);
        assertThat(max).isLessThanOrEqualTo(1000);
        assertThat(max - min).as("jitter must spread the delays").isGreaterThan(300);
    }

    @Test
    void sameSeedSameDelays() {
        Backoff a = Backoff.standard(new Random(7));
        Backoff b = Backoff.standard(new Random(7));
        for (int i = 0; i < 10; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void resetStartsOver() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10), 3.0, 0.0, new Random(1));
        b.next();
        b.next();
        b.reset();
        assertThat(b.attempts()).isZero();
        assertThat(b.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void manyAttemptsDoNotOverflow() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30), 2.0, 0.0, new Random(1));
        for (int i = 0; i < 500; i++) {
            b.next();
        }
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0, new Random()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
