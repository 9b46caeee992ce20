package io.legwatch.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for something another thread will make true: poll with a generous timeout, never a fixed
 * sleep as the assertion.
 */
public final class Await {
    private Await() {
    }

    /** Polls {@code condition} every 2 ms until it holds; fails naming {@code what} after {@code timeout}. */
    public static void until(Duration timeout, Supplier<String> what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what.get());
            }
            sleep(2);
        }
    }

    /** Sleeps between polls; an interrupt fails the test. */
    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
