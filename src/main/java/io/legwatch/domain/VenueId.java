package io.legwatch.domain;

import java.util.Objects;

/**
 * One venue account as Legwatch sees it: a connector instance with its own credentials,
 * e.g. {@code deribit-main} or {@code sim-a}. Two accounts on the same exchange are two VenueIds.
 */
public record VenueId(String value) implements Comparable<VenueId> {
    public VenueId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("venue id must not be blank");
        }
    }

    public static VenueId of(String value) {
        return new VenueId(value);
    }

    @Override
    public int compareTo(VenueId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
