package io.legwatch.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's multi-producer input queue. Producers never block (unbounded, lock-free); the engine
 * thread parks when it is empty and is unparked by the next offer.
 */
final class Inbox {
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    /** The engine thread while it is parked (or about to park), else null: producers unpark only then. */
    private volatile Thread sleeper;

    void offer(Object input) {
        queue.offer(input);
        Thread parked = sleeper;
        if (parked != null) {
            LockSupport.unpark(parked);
        }
    }

    Object poll() {
        return queue.poll();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Parks the calling thread until an input arrives, {@link #wake()} is called, or {@code nanos} pass. */
    void await(long nanos) {
        sleeper = Thread.currentThread();
        // Re-check after publishing ourselves as sleeper: an offer racing with us either is seen here or unparks us.
        if (queue.isEmpty()) {
            LockSupport.parkNanos(this, nanos);
        }
        sleeper = null;
    }

    void wake() {
        Thread parked = sleeper;
        if (parked != null) {
            LockSupport.unpark(parked);
        }
    }
}
