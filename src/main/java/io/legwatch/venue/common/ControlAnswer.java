package io.legwatch.venue.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The answer a connector waits for after a control request on its stream (auth/login, subscribe):
 * at most one request waits at a time; a newer request cancels an older one still waiting.
 */
public final class ControlAnswer {
    private final AtomicReference<CompletableFuture<Void>> waiting = new AtomicReference<>();

    /** Registers a future for the next answer, then sends; a failed send fails the future. */
    public CompletableFuture<Void> expect(BooleanSupplier send) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        CompletableFuture<Void> old = waiting.getAndSet(f);
        if (old != null) {
            old.cancel(false);
        }
        if (!send.getAsBoolean()) {
            f.completeExceptionally(new IllegalStateException("socket closed before the request was sent"));
        }
        return f;
    }

    /**
     * Answers the waiting request: success when {@code error} is null, else fails it with {@code error}.
     *
     * @return false when no request was waiting
     */
    public boolean complete(Throwable error) {
        CompletableFuture<Void> f = waiting.getAndSet(null);
        if (f == null) {
            return false;
        }
        if (error == null) {
            f.complete(null);
        } else {
            f.completeExceptionally(error);
        }
        return true;
    }
}
