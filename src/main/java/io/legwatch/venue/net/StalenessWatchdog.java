package io.legwatch.venue.net;

import io.legwatch.domain.TimeSource;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides whether a stream has gone quiet. {@link #touch()} on every inbound message (cheap: one
 * volatile write, safe from the reader thread); {@link #check()} periodically from one thread
 * reports each transition exactly once. Two limits: past {@code staleAfter} the venue is STALE
 * (the engine must stop trusting its positions), past {@code deadAfter} the socket is presumed
 * half-open and should be dropped and reconnected.
 */
public final class StalenessWatchdog {
    /** What {@link #check()} found. */
    public enum Verdict {
        /** Nothing changed since the last check. */
        NO_CHANGE,
        /** Just went silent past the stale limit. */
        BECAME_STALE,
        /** Data arrived again after being stale. */
        RECOVERED,
        /** Silent past the dead limit: reconnect. Reported once per {@link #reset()}. */
        DEAD
    }

    private final TimeSource time;
    private final long staleAfterMs;
    private final long deadAfterMs;
    private volatile long lastMessageMs;
    private boolean stale;
    private boolean dead;

    public StalenessWatchdog(TimeSource time, Duration staleAfter, Duration deadAfter) {
        this.time = Objects.requireNonNull(time, "time");
        this.staleAfterMs = staleAfter.toMillis();
        this.deadAfterMs = deadAfter.toMillis();
        if (staleAfterMs <= 0 || deadAfterMs < staleAfterMs) {
            throw new IllegalArgumentException("need 0 < staleAfter <= deadAfter");
        }
        reset();
    }

    /** Something arrived. */
    public void touch() {
        lastMessageMs = time.millis();
    }

    /** Starts a fresh watch, e.g. on a new connection: silence counts from now. */
    public void reset() {
        lastMessageMs = time.millis();
        stale = false;
        dead = false;
    }

    public Verdict check() {
        long silentMs = silentFor().toMillis();
        if (silentMs >= deadAfterMs && !dead) {
            dead = true;
            stale = true;
            return Verdict.DEAD;
        }
        if (silentMs >= staleAfterMs) {
            if (!stale) {
                stale = true;
                return Verdict.BECAME_STALE;
            }
            return Verdict.NO_CHANGE;
        }
        if (stale) {
            stale = false;
            dead = false;
            return Verdict.RECOVERED;
        }
        return Verdict.NO_CHANGE;
    }

    public boolean isStale() {
        return stale;
    }

    public Duration silentFor() {
        return Duration.ofMillis(Math.max(0, time.millis() - lastMessageMs));
    }

    public Duration staleAfter() {
        return Duration.ofMillis(staleAfterMs);
    }
}
