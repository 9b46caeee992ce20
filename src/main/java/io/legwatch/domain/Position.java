package io.legwatch.domain;

import java.util.Objects;

/**
 * A position as the venue reports it.
 *
 * @param instrument  account and symbol
 * @param qty         signed quantity in the venue's units (contracts for INVERSE/LINEAR with a
 *                    contract size, base units otherwise); negative is short
 * @param markPrice   venue mark price in USD per base unit, or NaN when not reported
 * @param venueDelta  venue-reported delta of the whole position in base units, or NaN
 */
public record Position(InstrumentKey instrument, double qty, double markPrice, double venueDelta) {
    public Position {
        Objects.requireNonNull(instrument, "instrument");
    }

    public static Position flat(InstrumentKey instrument) {
        return new Position(instrument, 0, Double.NaN, Double.NaN);
    }
}
