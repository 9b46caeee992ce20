package io.legwatch.sim;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;

/**
 * One listed instrument on one venue: how its mark follows the underlying's index, and its book.
 * Mutable; guarded by the exchange lock.
 */
final class SimInstrument {
    private static final double YEAR_MS = 365.0 * 24 * 3600 * 1000;
    private static final double MIN_YEARS = 1.0 / (365 * 24);

    final Instrument instrument;
    /** Perp basis over the index as a fraction (0 for spot and options). */
    final double basis;
    final double strike;
    final long expiryMs;
    final double vol;
    final SyntheticBook book;
    /** Underlying index as last seen by this venue (frozen while prices are stale). */
    double index;
    double mark;
    long nowMs;

    SimInstrument(Instrument instrument, double basis, double strike, long expiryMs, double vol, SyntheticBook book) {
        this.instrument = instrument;
        this.basis = basis;
        this.strike = strike;
        this.expiryMs = expiryMs;
        this.vol = vol;
        this.book = book;
    }

    boolean isOption() {
        return instrument.kind() == InstrumentKind.OPTION;
    }

    /** Re-marks the instrument from the venue's view of the index. */
    void reprice(double index, long nowMs) {
        this.index = index;
        this.nowMs = nowMs;
        this.mark = switch (instrument.kind()) {
            case SPOT -> index;
            case LINEAR, INVERSE -> index * (1 + basis);
            case OPTION -> BlackScholes.callPrice(index, strike, years(), vol);
        };
    }

    /** Delta per unit of venue quantity, in base units (uses the current mark/index). */
    double deltaPerUnit() {
        return switch (instrument.kind()) {
            case SPOT, LINEAR -> instrument.contractSize();
            case INVERSE -> instrument.contractSize() / mark;
            case OPTION -> instrument.contractSize() * BlackScholes.callDelta(index, strike, years(), vol);
        };
    }

    /** The price a position report carries: USD per base unit, so for an option the underlying index. */
    double positionMark() {
        return isOption() ? index : mark;
    }

    private double years() {
        return Math.max(MIN_YEARS, (expiryMs - nowMs) / YEAR_MS);
    }
}
