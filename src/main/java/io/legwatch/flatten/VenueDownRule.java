package io.legwatch.flatten;

import java.time.Duration;
import java.util.Objects;

/**
 * A venue not trusted (down, stale, connecting) for {@code downFor} -> flatten every armed
 * strategy's legs on the venues that still answer, so the surviving side of a hedge is not left
 * naked while its partner is unreachable. Off unless {@code enabled}.
 */
public record VenueDownRule(boolean enabled, Duration downFor) {
    public static final VenueDownRule OFF = new VenueDownRule(false, Duration.ofSeconds(30));

    public VenueDownRule {
        Objects.requireNonNull(downFor, "downFor");
    }
}
