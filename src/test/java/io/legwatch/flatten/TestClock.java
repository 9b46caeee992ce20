package io.legwatch.flatten;

import io.legwatch.domain.TimeSource;

/** A clock the test moves by hand; thread-safe (engine and policy threads read it). */
final class TestClock implements TimeSource {
    private volatile long millis;

    TestClock(long startMillis) {
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
