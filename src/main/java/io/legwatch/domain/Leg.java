package io.legwatch.domain;

import java.util.Objects;

/**
 * One leg of a strategy: an instrument on one venue account, the side the trader intends to hold,
 * and its target ratio within the strategy (informational: hedge status is decided by net delta).
 */
public record Leg(String id, InstrumentKey instrument, Side intendedSide, double targetRatio) {
    public Leg {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(intendedSide, "intendedSide");
    }

    public VenueId venue() {
        return instrument.venue();
    }

    public String symbol() {
        return instrument.symbol();
    }
}
