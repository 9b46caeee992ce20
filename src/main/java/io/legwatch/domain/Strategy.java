package io.legwatch.domain;

import java.util.List;
import java.util.Objects;

/** A hedge group: legs meant to net to (near) zero delta, with its tolerance. */
public record Strategy(String id, String name, List<Leg> legs, Tolerance tolerance) {
    public Strategy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tolerance, "tolerance");
        legs = List.copyOf(legs);
        if (legs.isEmpty()) {
            throw new IllegalArgumentException("strategy " + id + " has no legs");
        }
    }
}
