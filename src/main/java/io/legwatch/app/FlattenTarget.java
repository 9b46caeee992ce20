package io.legwatch.app;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.VenueId;

import java.util.Objects;

/** What a flatten or cancel acts on: DESIGN.md "Kill switch and flatten" scopes. */
public sealed interface FlattenTarget {
    /** Words for the trader, e.g. {@code strategy "BTC basis"}. */
    String describe();

    record Strategy(String strategyId, String name) implements FlattenTarget {
        public Strategy {
            Objects.requireNonNull(strategyId, "strategyId");
        }

        @Override
        public String describe() {
            return "strategy \"" + (name == null ? strategyId : name) + "\"";
        }
    }

    record Leg(String strategyId, String legId, InstrumentKey instrument) implements FlattenTarget {
        public Leg {
            Objects.requireNonNull(strategyId, "strategyId");
            Objects.requireNonNull(legId, "legId");
            Objects.requireNonNull(instrument, "instrument");
        }

        @Override
        public String describe() {
            return "leg " + legId + " (" + instrument + ")";
        }
    }

    record Venue(VenueId venue) implements FlattenTarget {
        public Venue {
            Objects.requireNonNull(venue, "venue");
        }

        @Override
        public String describe() {
            return "every position on " + venue;
        }
    }

    record Global() implements FlattenTarget {
        @Override
        public String describe() {
            return "every position on every venue";
        }
    }
}
