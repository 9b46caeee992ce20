package io.legwatch.venue.net;

import io.legwatch.domain.TimeSource;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand. */
final class ManualTime implements TimeSource {
    private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public long nanos() {
        return millis.get() * 1_000_000L;
    }

    void advance(Duration d) {
        millis.addAndGet(d.toMillis());
    }
}
