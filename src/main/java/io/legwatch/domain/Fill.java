package io.legwatch.domain;

import java.util.Objects;

/** One execution reported by a venue; qty is unsigned, the side gives the direction. */
public record Fill(InstrumentKey instrument, String tradeId, String orderId, String clientOrderId, Side side,
                   double qty, double price) {
    public Fill {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
    }

    public double signedQty() {
        return side.sign() * qty;
    }
}
