package io.legwatch.domain;

import java.util.Objects;

/** (account, symbol): what a leg owns, and what venue events are keyed by. */
public record InstrumentKey(VenueId venue, String symbol) {
    public InstrumentKey {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
    }

    @Override
    public String toString() {
        return venue + ":" + symbol;
    }
}
