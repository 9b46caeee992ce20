package io.legwatch.testing;

import io.legwatch.domain.TimeSource;

/**
 * A clock whose wall time stands still at a documented instant (so signatures match the venue's
 * published examples) while its monotonic nanos run, so that timeouts and staleness still work.
 */
public final class FixedMillis implements TimeSource {
    private final long millis;

    public FixedMillis(long millis) {
        this.millis = millis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public long nanos() {
        return System.nanoTime();
    }
}
