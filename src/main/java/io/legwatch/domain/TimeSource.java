package io.legwatch.domain;

/**
 * Wall-clock and monotonic time, injected so every state machine can be tested without sleeping.
 */
public interface TimeSource {
    /** Epoch milliseconds. */
    long millis();

    /** Monotonic nanoseconds, for latency measurement only. */
    long nanos();

    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long millis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }
    };
}
