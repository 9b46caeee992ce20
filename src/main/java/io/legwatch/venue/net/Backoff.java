package io.legwatch.venue.net;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for reconnects and rate limits. Attempt n (from 0) waits a
 * uniformly random time in {@code [d * (1 - jitter), d]} where {@code d = min(max, initial * multiplier^n)}:
 * the jitter spreads reconnect storms of many clients, the cap keeps a long outage from growing the
 * wait without bound. {@link #reset()} after a connection proved healthy. Not thread-safe: one owner.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final double multiplier;
    private final double jitter;
    private final RandomGenerator random;
    private int attempt;

    /**
     * @param jitter fraction of the delay that is randomised, 0 (none) to 1 ("full jitter")
     * @param random source of jitter; pass a seeded one in tests
     */
    public Backoff(Duration initial, Duration max, double multiplier, double jitter, RandomGenerator random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " / " + max);
        }
        if (multiplier < 1 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("need multiplier >= 1 and 0 <= jitter <= 1");
        }
        this.multiplier = multiplier;
        this.jitter = jitter;
    }

    /** 0.5 s doubling up to 30 s with 50 % jitter: a sane default for venue reconnects. */
    public static Backoff standard(RandomGenerator random) {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.5, random);
    }

    /** The wait before the next attempt; advances the attempt counter. */
    public Duration next() {
        double ceiling = Math.min(max.toMillis(), initial.toMillis() * Math.pow(multiplier, attempt));
        if (attempt < 64) {
            attempt++;
        }
        double low = ceiling * (1 - jitter);
        long millis = Math.round(low + (ceiling - low) * random.nextDouble());
        return Duration.ofMillis(Math.max(1, millis));
    }

    /** Attempts since the last reset. */
    public int attempts() {
        return attempt;
    }

    public void reset() {
        attempt = 0;
    }
}
