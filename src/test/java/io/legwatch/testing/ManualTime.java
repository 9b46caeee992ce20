package io.legwatch.testing;

import io.legwatch.domain.TimeSource;

import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand; thread-safe, so threaded tests can read it from engine and policy threads. */
public final class ManualTime implements TimeSource {
    private final AtomicLong millis;

    public ManualTime(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    public void advance(long ms) {
        millis.addAndGet(ms);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public long nanos() {
        return millis.get() * 1_000_000L;
    }
}
