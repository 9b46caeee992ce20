package io.legwatch.domain;

public enum Side {
    BUY,
    SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for BUY, -1 for SELL. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    /** The side that reduces a signed position to zero; BUY for a short, SELL for a long. */
    public static Side toReduce(double signedQty) {
        return signedQty > 0 ? SELL : BUY;
    }
}
