package io.legwatch.engine;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Strategy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Checks the strategy configuration: unique strategy ids, and each instrument claimed by one leg only. */
final class LegClaims {
    private LegClaims() {
    }

    static void validate(List<Strategy> strategies) {
        Objects.requireNonNull(strategies, "strategies");
        Set<String> ids = new HashSet<>();
        Map<InstrumentKey, String> claimedBy = new HashMap<>();
        for (Strategy strategy : strategies) {
            Objects.requireNonNull(strategy, "strategy");
            if (!ids.add(strategy.id())) {
                throw new IllegalArgumentException("strategy id '" + strategy.id() + "' is configured twice");
            }
            for (Leg leg : strategy.legs()) {
                String claim = "leg '" + leg.id() + "' of strategy '" + strategy.id() + "'";
                String previous = claimedBy.putIfAbsent(leg.instrument(), claim);
                if (previous != null) {
                    throw new IllegalArgumentException("instrument " + leg.instrument() + " is claimed by " + previous
                            + " and by " + claim + ": an instrument on a venue account can belong to one leg only");
                }
            }
        }
    }
}
