package io.legwatch.flatten;

import java.util.List;

/**
 * How one leg ended.
 *
 * @param initialVenueQty   signed quantity at the first fresh read (NaN if the venue never answered)
 * @param finalVenueQty     signed quantity at the last fresh read
 * @param openOrdersZero    true/false as last fetched, null if never fetched
 * @param positionZero      true/false as last fetched, null if never fetched
 * @param doneAtNanos       TimeSource nanos when verified (0 when not verified)
 */
public record LegOutcome(PlanLeg leg, LegPhase phase, int ordersCancelled, double initialVenueQty,
                         double finalVenueQty, Boolean openOrdersZero, Boolean positionZero,
                         List<SentOrder> orders, String detail, long doneAtNanos) {
    public LegOutcome {
        orders = List.copyOf(orders);
    }
}
