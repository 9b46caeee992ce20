package io.legwatch.venue.common;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;

import java.io.IOException;

/** Mapping venue rows to domain values, where a row that cannot be mapped is a MALFORMED venue error. */
public final class Malformed {
    private Malformed() {
    }

    /** A mapping step that reports a row it cannot map as an {@link IOException}. */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** The mapped value, or a MALFORMED {@link VenueException} with the mapper's message. */
    public static <T> T unchecked(VenueId venue, IoSupplier<T> s) {
        try {
            return s.get();
        } catch (IOException e) {
            throw new VenueException(new VenueError(venue, VenueError.Kind.MALFORMED, null, e.getMessage()));
        }
    }
}
