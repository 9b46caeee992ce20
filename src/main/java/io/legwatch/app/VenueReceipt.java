package io.legwatch.app;

import io.legwatch.domain.VenueId;

import java.util.List;

/**
 * What one venue confirmed after a kill/flatten/cancel (DESIGN.md's receipt). Every "zero" comes
 * from a fresh read of the venue, not from what was sent.
 *
 * @param ordersCancelled  orders the venue confirmed cancelled
 * @param openOrdersZero   the venue shows no open orders in scope; null when it has not been read
 * @param positionsZero    the venue shows every position in scope at zero; null when not read or not applicable (cancel only)
 * @param timeToFlatMs     from the command to the venue's last verification, -1 when not verified
 * @param stillOpen        what is still open and why, one line each
 */
public record VenueReceipt(VenueId venue, int ordersCancelled, Boolean openOrdersZero, Boolean positionsZero,
                           long timeToFlatMs, List<String> stillOpen) {
    public VenueReceipt {
        stillOpen = List.copyOf(stillOpen);
    }

    /** Everything asked of the venue is confirmed. */
    public boolean ok() {
        return Boolean.TRUE.equals(openOrdersZero) && !Boolean.FALSE.equals(positionsZero) && stillOpen.isEmpty();
    }
}
