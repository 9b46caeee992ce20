package io.legwatch.app;

import io.legwatch.domain.VenueId;

/**
 * What one venue confirmed after a kill/flatten/cancel: DESIGN.md's receipt.
 *
 * @param ordersCancelled  orders the venue confirmed cancelled
 * @param openOrdersNow    open orders the venue reports now (0 means none left)
 * @param positionsOpen    instruments in scope still holding a non-zero position per the venue (-1 if cancel-only)
 * @param timeToFlatMs     from the command to the venue confirming flat, -1 if it did not get there
 * @param ok               the venue confirmed everything asked of it
 * @param detail           the venue's words or what went wrong, for the trader
 */
public record VenueReceipt(VenueId venue, int ordersCancelled, int openOrdersNow, int positionsOpen,
                           long timeToFlatMs, boolean ok, String detail) {
    public VenueReceipt {
        detail = detail == null ? "" : detail;
    }
}
