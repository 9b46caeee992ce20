package io.legwatch.domain;

/** Carries a {@link VenueError} through futures and call stacks. Never holds secrets. */
public final class VenueException extends RuntimeException {
    private final transient VenueError error;

    public VenueException(VenueError error) {
        super(error.toString());
        this.error = error;
    }

    public VenueException(VenueError error, Throwable cause) {
        super(error.toString(), cause);
        this.error = error;
    }

    public VenueError error() {
        return error;
    }
}
