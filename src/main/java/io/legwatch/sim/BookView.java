package io.legwatch.sim;

import io.legwatch.domain.InstrumentKey;

import java.util.List;

/** The synthetic order book of one instrument right now; bids best first, asks best first. */
public record BookView(InstrumentKey instrument, double markPrice, List<BookLevel> bids, List<BookLevel> asks) {
    public BookView {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}
