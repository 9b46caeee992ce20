package io.legwatch.sim.load;

import java.time.Duration;
import java.util.Objects;

/**
 * What a load run looks like: how many strategies and legs, how many venue messages per second in
 * total, for how long, and how often a leg fails.
 *
 * @param strategies        hedged strategies (each its own instruments, spread over sim-a/b/c)
 * @param legsPerStrategy   legs per strategy (>= 2); every leg is one instrument on one venue account
 * @param messagesPerSecond total venue messages per second, everything the simulated venues push
 *                          (prices, periodic position pushes, heartbeats, and the generator's moves)
 * @param duration          how long the generator runs before it stops by itself
 * @param failuresPerSecond leg failures injected per second (0 for none): one leg of a hedged pair
 *                          moves and its partner does not follow
 * @param grace             the strategies' grace period (LEGGING before NAKED)
 * @param failureHold       how long a failed strategy stays failed after its grace expired, before the
 *                          missing leg "fills late" and it is hedged again
 * @param seed              drives the price walk, which strategy moves, and which leg fails
 */
public record LoadProfile(int strategies, int legsPerStrategy, double messagesPerSecond, Duration duration,
                          double failuresPerSecond, Duration grace, Duration failureHold, long seed) {

    /** The default: 500 strategies x 4 legs = 2,000 legs, 50,000 msg/s, 60 s, one failure per second. */
    public static LoadProfile defaults() {
        return new LoadProfile(500, 4, 50_000, Duration.ofSeconds(60), 1.0, Duration.ofSeconds(3),
                Duration.ofSeconds(2), 42);
    }

    public LoadProfile {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(failureHold, "failureHold");
        if (strategies < 1) {
            throw new IllegalArgumentException("strategies must be >= 1, was " + strategies);
        }
        if (legsPerStrategy < 2) {
            throw new IllegalArgumentException("legs per strategy must be >= 2, was " + legsPerStrategy);
        }
        if (!(messagesPerSecond > 0) || Double.isInfinite(messagesPerSecond)) {
            throw new IllegalArgumentException("message rate must be > 0, was " + messagesPerSecond);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be > 0, was " + duration);
        }
        if (!(failuresPerSecond >= 0) || Double.isInfinite(failuresPerSecond)) {
            throw new IllegalArgumentException("failure rate must be >= 0, was " + failuresPerSecond);
        }
        if (grace.isNegative() || failureHold.isNegative()) {
            throw new IllegalArgumentException("grace and failure hold must not be negative");
        }
    }

    public int legs() {
        return strategies * legsPerStrategy;
    }

    public LoadProfile withStrategies(int n) {
        return new LoadProfile(n, legsPerStrategy, messagesPerSecond, duration, failuresPerSecond, grace, failureHold, seed);
    }

    public LoadProfile withLegsPerStrategy(int n) {
        return new LoadProfile(strategies, n, messagesPerSecond, duration, failuresPerSecond, grace, failureHold, seed);
    }

    public LoadProfile withMessagesPerSecond(double rate) {
        return new LoadProfile(strategies, legsPerStrategy, rate, duration, failuresPerSecond, grace, failureHold, seed);
    }

    public LoadProfile withDuration(Duration d) {
        return new LoadProfile(strategies, legsPerStrategy, messagesPerSecond, d, failuresPerSecond, grace, failureHold, seed);
    }

    public LoadProfile withFailuresPerSecond(double rate) {
        return new LoadProfile(strategies, legsPerStrategy, messagesPerSecond, duration, rate, grace, failureHold, seed);
    }

    public LoadProfile withGrace(Duration g) {
        return new LoadProfile(strategies, legsPerStrategy, messagesPerSecond, duration, failuresPerSecond, g, failureHold, seed);
    }

    public LoadProfile withFailureHold(Duration h) {
        return new LoadProfile(strategies, legsPerStrategy, messagesPerSecond, duration, failuresPerSecond, grace, h, seed);
    }

    public LoadProfile withSeed(long s) {
        return new LoadProfile(strategies, legsPerStrategy, messagesPerSecond, duration, failuresPerSecond, grace, failureHold, s);
    }
}
