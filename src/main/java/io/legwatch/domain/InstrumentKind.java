package io.legwatch.domain;

/** How a venue position converts into base-asset delta; see {@link Instrument#baseDelta}. */
public enum InstrumentKind {
    /** Spot holding; quantity is in the base asset. */
    SPOT,
    /** Linear perpetual or future; quantity x contract size is base asset. */
    LINEAR,
    /** Inverse perpetual or future; quantity x contract size is USD, delta is USD / price. */
    INVERSE,
    /** Option; the base delta is the venue-reported delta of the whole position. */
    OPTION
}
