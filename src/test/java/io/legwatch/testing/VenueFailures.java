package io.legwatch.testing;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The {@link VenueError} a venue call failed with, asserting that it did fail with one. */
public final class VenueFailures {
    private VenueFailures() {
    }

    /** Waits for {@code f} and returns the VenueError it failed with. */
    public static VenueError errorOf(CompletableFuture<?> f) {
        Throwable t = catchThrowable(f::join);
        assertThat(t).hasCauseInstanceOf(VenueException.class);
        return ((VenueException) t.getCause()).error();
    }

    /** The VenueError {@code f} has already failed with (a synchronous refusal: no waiting). */
    public static VenueError errorNow(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
        } catch (CompletionException e) {
            return ((VenueException) e.getCause()).error();
        }
        throw new AssertionError("not failed");
    }
}
