package io.legwatch.flatten;

import java.time.Duration;
import java.util.Objects;

/**
 * A venue that was trusted and then not (down, stale, reconnecting) for {@code downFor} -> flatten
 * every armed strategy's legs on the venues that still answer, so the surviving side of a hedge is
 * not left naked while its partner is unreachable. A venue never trusted since start does not count
 * as down (alert only, see {@link AutoFlattenPolicy}). Off unless {@code enabled}.
 */
public record VenueDownRule(boolean enabled, Duration downFor) {
    public static final VenueDownRule OFF = new VenueDownRule(false, Duration.ofSeconds(30));

    public VenueDownRule {
        Objects.requireNonNull(downFor, "downFor");
    }
}
