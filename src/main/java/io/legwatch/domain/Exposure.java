package io.legwatch.domain;

/**
 * A leg's directional exposure.
 *
 * @param baseDelta delta in the underlying's base units (BTC, ETH); NaN when unknown
 * @param usd       baseDelta x index/mark price in USD; NaN when unknown
 */
public record Exposure(double baseDelta, double usd) {
    public static final Exposure ZERO = new Exposure(0, 0);
    public static final Exposure UNKNOWN = new Exposure(Double.NaN, Double.NaN);

    public boolean known() {
        return !Double.isNaN(baseDelta) && !Double.isNaN(usd);
    }

    /** Exposure of a signed position of {@code qty} venue units of {@code instrument}. */
    public static Exposure of(Instrument instrument, double qty, double markPrice, double venueDelta) {
        double delta = instrument.baseDelta(qty, markPrice, venueDelta);
        if (Double.isNaN(delta)) {
            return UNKNOWN;
        }
        if (delta == 0) {
            return ZERO;
        }
        return new Exposure(delta, markPrice > 0 ? delta * markPrice : Double.NaN);
    }
}
