package io.legwatch.flatten;

import io.legwatch.domain.TimeSource;

/**
 * Issues flatten ids: 9 base-36 characters derived from the clock, strictly increasing within a
 * process and (clock permitting) across restarts, so a new flatten never reuses an old flatten's
 * client order ids at the venue.
 */
public final class FlattenIds {
    static final int LENGTH = 9;
    private final TimeSource time;
    private long last;

    public FlattenIds(TimeSource time) {
        this.time = time;
    }

    public synchronized String next() {
        last = Math.max(last + 1, time.millis() * 36);
        return pad(Long.toString(last, 36), LENGTH);
    }

    static String pad(String s, int width) {
        if (s.length() > width) {
            throw new IllegalStateException("id overflow: " + s);
        }
        return "0".repeat(width - s.length()) + s;
    }
}
