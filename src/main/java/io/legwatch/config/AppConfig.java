package io.legwatch.config;

import io.legwatch.domain.Strategy;
import io.legwatch.domain.VenueId;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole config file, validated: venue accounts, strategies and the venue-down policy.
 * Built only by {@link ConfigLoader}, so an instance is always consistent (legs name known venues,
 * no instrument claimed twice, no secrets).
 */
public record AppConfig(int version, List<VenueConfig> venues, List<StrategyConfig> strategies,
                        VenueDownPolicy venueDown) {

    public static final int CURRENT_VERSION = 1;

    /**
     * Venue-down policy: a venue UNKNOWN for {@code after} -> flatten the surviving legs of its strategies.
     */
    public record VenueDownPolicy(boolean enabled, Duration after) {
        public static final VenueDownPolicy DISARMED = new VenueDownPolicy(false, Duration.ofSeconds(30));
    }

    public AppConfig {
        venues = List.copyOf(venues);
        strategies = List.copyOf(strategies);
        venueDown = venueDown == null ? VenueDownPolicy.DISARMED : venueDown;
    }

    public Optional<VenueConfig> venue(VenueId id) {
        return venues.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** The strategies as domain values, in file order. */
    public List<Strategy> domainStrategies() {
        return strategies.stream().map(StrategyConfig::toStrategy).toList();
    }
}
