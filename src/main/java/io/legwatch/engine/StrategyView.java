package io.legwatch.engine;

import io.legwatch.domain.HedgeStatus;

import java.util.List;

/**
 * One strategy in a published snapshot. Immutable; reused by reference while unchanged.
 *
 * @param netUsd          sum of the legs' USD delta (NaN while any leg is unknown)
 * @param grossUsd        sum of |USD delta| over the legs
 * @param allowedUsd      the tolerance band at this gross size
 * @param nakedSinceMs    when the strategy left tolerance (the start of LEGGING), 0 while within it
 * @param reason          one line saying why the status is what it is, for the trader
 */
public record StrategyView(String id, String name, HedgeStatus status, double netUsd, double grossUsd,
                           double allowedUsd, long nakedSinceMs, String reason, List<LegView> legs) {
    public StrategyView {
        legs = List.copyOf(legs);
    }
}
