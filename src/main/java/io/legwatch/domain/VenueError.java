package io.legwatch.domain;

import java.util.Objects;

/**
 * A venue's refusal, typed: the venue's own code and message, and what kind of problem it is,
 * so callers can back off on rate limits and show the trader the venue's words.
 */
public record VenueError(VenueId venue, Kind kind, String code, String message) {
    public enum Kind {
        REJECTED, RATE_LIMITED, AUTH, TIMESTAMP, NETWORK, TIMEOUT, MALFORMED, UNSUPPORTED, READ_ONLY
    }

    public VenueError {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message;
    }

    @Override
    public String toString() {
        return venue + " " + kind + (code == null ? "" : " " + code) + ": " + message;
    }
}
