package io.legwatch.sim;

import io.legwatch.domain.VenueException;

import java.util.concurrent.CompletableFuture;

/**
 * A venue's answer to one request, waiting to be delivered. Futures are completed outside the
 * exchange lock, so callers' continuations never run while the simulator is locked.
 */
final class Ack {
    private final CompletableFuture<Object> future;
    private final Object value;
    private final VenueException error;

    @SuppressWarnings("unchecked")
    private Ack(CompletableFuture<?> future, Object value, VenueException error) {
        this.future = (CompletableFuture<Object>) future;
        this.value = value;
        this.error = error;
    }

    static Ack success(CompletableFuture<?> future, Object value) {
        return new Ack(future, value, null);
    }

    static Ack failure(CompletableFuture<?> future, VenueException error) {
        return new Ack(future, null, error);
    }

    /** The same request, answered with {@code lost} instead (the link dropped before the answer got out). */
    Ack lost(VenueException lost) {
        return new Ack(future, null, lost);
    }

    void deliver() {
        if (error != null) {
            future.completeExceptionally(error);
        } else {
            future.complete(value);
        }
    }
}
