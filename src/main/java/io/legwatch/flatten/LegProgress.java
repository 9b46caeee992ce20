package io.legwatch.flatten;

import io.legwatch.domain.InstrumentKey;

/**
 * One leg's state, immutable, replaced at every step.
 *
 * @param attempt      last order attempt number (0 before any order)
 * @param venueQty     signed quantity from the last fresh venue read, NaN before the first read
 * @param ordersSent   orders sent so far (a re-send of an in-doubt order counts once)
 * @param detail       one line for the trader: what is happening, or why it stopped
 */
public record LegProgress(int legIndex, InstrumentKey instrument, LegPhase phase, int attempt, double venueQty,
                          int ordersSent, String detail) {
}
