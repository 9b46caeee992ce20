package io.legwatch.flatten;

import io.legwatch.domain.VenueId;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a kill action covers. Venue and global scopes include positions no strategy claims: a kill
 * switch that left them open would be lying about "everything is flat".
 */
public sealed interface KillScope {

    /** One line for confirm dialogs, receipts and the journal. */
    String label();

    /** Some legs of one strategy (one leg, or the surviving legs when a venue is down). */
    record Legs(String strategyId, Set<String> legIds) implements KillScope {
        public Legs {
            Objects.requireNonNull(strategyId, "strategyId");
            legIds = Set.copyOf(legIds);
            if (legIds.isEmpty()) {
                throw new IllegalArgumentException("a leg scope needs at least one leg");
            }
        }

        @Override
        public String label() {
            return "legs " + String.join(",", new TreeSet<>(legIds)) + " of strategy " + strategyId;
        }
    }

    /** Every leg of one strategy. */
    record Strategy(String strategyId) implements KillScope {
        public Strategy {
            Objects.requireNonNull(strategyId, "strategyId");
        }

        @Override
        public String label() {
            return "strategy " + strategyId;
        }
    }

    /** Everything on one venue account, assigned to a strategy or not. */
    record Venue(VenueId venue) implements KillScope {
        public Venue {
            Objects.requireNonNull(venue, "venue");
        }

        @Override
        public String label() {
            return "venue " + venue;
        }
    }

    /** Everything on every venue account. */
    record Global() implements KillScope {
        @Override
        public String label() {
            return "global";
        }
    }

    static KillScope leg(String strategyId, String legId) {
        return new Legs(strategyId, Set.of(legId));
    }

    static KillScope strategy(String strategyId) {
        return new Strategy(strategyId);
    }

    static KillScope venue(VenueId venue) {
        return new Venue(venue);
    }

    static KillScope global() {
        return new Global();
    }
}
