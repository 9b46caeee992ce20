package io.legwatch.venue.net;

import java.util.concurrent.atomic.LongAdder;

/**
 * Per-connection message statistics: how many arrived, how many could not be parsed and how many
 * were well-formed but of a kind we do not know. Read by the UI / diagnostics; written from the
 * reader thread, hence LongAdder.
 */
public final class MessageCounters {
    private final LongAdder received = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder unknown = new LongAdder();

    public void received() {
        received.increment();
    }

    /** Counts one malformed message; returns the new total (callers log the first ones, then sample). */
    public long malformed() {
        malformed.increment();
        return malformed.sum();
    }

    public long unknown() {
        unknown.increment();
        return unknown.sum();
    }

    public long receivedCount() {
        return received.sum();
    }

    public long malformedCount() {
        return malformed.sum();
    }

    public long unknownCount() {
        return unknown.sum();
    }

    /** Log the first few, then one in a hundred: a flood of garbage must not flood the log. */
    public static boolean worthLogging(long count) {
        return count <= 10 || count % 100 == 0;
    }
}
