package io.legwatch.sim;

/**
 * A listener registered on one venue. {@link #snapshot()} was taken atomically with the
 * registration, so the listener sees every event after it and none before it.
 */
public interface SimSubscription extends AutoCloseable {
    VenueSnapshot snapshot();

    /** Unregisters; once this returns the listener receives nothing more. Idempotent. */
    @Override
    void close();
}
