package io.legwatch.sim.load;

import io.legwatch.domain.TimeSource;

/** A clock the test moves by hand. */
final class ManualClock implements TimeSource {
    private volatile long nanos;
    private final long epochMs;

    ManualClock(long epochMs) {
        this.epochMs = epochMs;
    }

    void set(long elapsedNanos) {
        nanos = elapsedNanos;
    }

    @Override
    public long millis() {
        return epochMs + nanos / 1_000_000L;
    }

    @Override
    public long nanos() {
        return nanos;
    }
}
