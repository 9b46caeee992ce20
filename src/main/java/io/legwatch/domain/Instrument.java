package io.legwatch.domain;

import java.util.Objects;

/**
 * A tradable instrument on one venue account, normalised by its connector.
 *
 * @param venue        the account it trades on
 * @param symbol       the venue's own symbol, e.g. {@code BTC-PERPETUAL}, {@code BTCUSDT}
 * @param underlying   the base asset whose delta it carries, e.g. {@code BTC}
 * @param kind         how quantity converts to delta
 * @param contractSize base units per contract (SPOT, LINEAR, OPTION) or USD per contract (INVERSE)
 * @param lotSize      smallest quantity step, in the venue's quantity units (contracts or base)
 */
public record Instrument(VenueId venue, String symbol, String underlying, InstrumentKind kind,
                         double contractSize, double lotSize) {

    public Instrument {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(kind, "kind");
        // Finite too: an infinite contract size makes every delta infinite, and infinite legs pass the tolerance test.
        if (!(contractSize > 0) || Double.isInfinite(contractSize)) {
            throw new IllegalArgumentException(symbol + ": contract size must be finite and > 0, was " + contractSize);
        }
        if (!(lotSize > 0) || Double.isInfinite(lotSize)) {
            throw new IllegalArgumentException(symbol + ": lot size must be finite and > 0, was " + lotSize);
        }
    }

    public InstrumentKey key() {
        return new InstrumentKey(venue, symbol);
    }

    /**
     * Base-asset delta of a signed position of {@code qty} venue units.
     *
     * @param price       mark price in USD per base unit (used by INVERSE)
     * @param venueDelta  the venue-reported delta of the position in base units (used by OPTION);
     *                    NaN when the venue has not reported one
     * @return the delta, or NaN when it cannot be known (no price for an inverse, no delta for an option)
     */
    public double baseDelta(double qty, double price, double venueDelta) {
        return switch (kind) {
            case SPOT, LINEAR -> qty * contractSize;
            case INVERSE -> price > 0 ? qty * contractSize / price : Double.NaN;
            case OPTION -> venueDelta;
        };
    }

    /** True when {@code qty} is zero to within half a lot: what "flat" means for this instrument. */
    public boolean isFlat(double qty) {
        return Math.abs(qty) < lotSize / 2;
    }
}
