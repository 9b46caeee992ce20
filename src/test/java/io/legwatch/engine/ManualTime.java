package io.legwatch.engine;

import io.legwatch.domain.TimeSource;

/** A clock the test moves by hand; thread-safe so a threaded test can read it from the engine thread. */
final class ManualTime implements TimeSource {
    private volatile long millis;

    ManualTime(long startMillis) {
        this.millis = startMillis;
    }

    void advance(long ms) {
        millis += ms;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public long nanos() {
        return millis * 1_000_000L;
    }
}
