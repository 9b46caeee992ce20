package io.legwatch.venue.net;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps a connector from hammering a venue that said "too many requests". After a rate-limit
 * answer, calls fail fast with {@link VenueError.Kind#RATE_LIMITED} until the cool-down ends; the
 * cool-down is the venue's Retry-After when given, else the next step of a {@link Backoff} (so
 * repeated limits wait longer). Any successful answer resets the backoff. Thread-safe.
 */
public final class RateLimitGate {
    private final VenueId venue;
    private final TimeSource time;
    private final Backoff backoff;
    private long blockedUntilMs;

    public RateLimitGate(VenueId venue, TimeSource time, Backoff backoff) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.time = Objects.requireNonNull(time, "time");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /** Empty when a request may go out now, else the error to fail it with (no request is sent). */
    public synchronized Optional<VenueError> checkOpen() {
        long waitMs = blockedUntilMs - time.millis();
        if (waitMs <= 0) {
            return Optional.empty();
        }
        return Optional.of(new VenueError(venue, VenueError.Kind.RATE_LIMITED, "backoff",
                "rate limited by the venue; not sending for another " + waitMs + " ms"));
    }

    /** The venue answered with a rate limit; {@code retryAfter} is its hint, or null. Returns the cool-down. */
    public synchronized Duration onRateLimited(Duration retryAfter) {
        Duration step = backoff.next();
        Duration wait = retryAfter != null && retryAfter.compareTo(step) > 0 ? retryAfter : step;
        blockedUntilMs = Math.max(blockedUntilMs, time.millis() + wait.toMillis());
        return wait;
    }

    /** A request went through: the venue is no longer limiting us. */
    public synchronized void onSuccess() {
        backoff.reset();
    }
}
