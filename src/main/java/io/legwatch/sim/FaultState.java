package io.legwatch.sim;

import io.legwatch.domain.VenueError;

/**
 * The faults currently injected on one venue, for display (fault panel) and for front ends.
 *
 * @param link              UP, DOWN (disconnected) or SILENT (half-open)
 * @param rejectsPending    how many of the next orders will be rejected
 * @param rejectCode        the venue error code those rejections carry, or null
 * @param rejectText        the venue error text those rejections carry, or null
 * @param ackDelayMs        how long each order waits before it reaches the matching engine
 * @param fillFraction      fraction of each order that may fill (1 = normal)
 * @param pricesStale       marks on this venue are frozen
 * @param rejectKind        REJECTED or RATE_LIMITED for pending rejections, else null
 * @param depthFraction     fraction of normal book depth on offer (1 = normal; thin-book fault below 1)
 */
public record FaultState(SimLink link, int rejectsPending, String rejectCode, String rejectText, long ackDelayMs,
                         double fillFraction, boolean pricesStale, VenueError.Kind rejectKind,
                         double depthFraction) {
    public static final FaultState HEALTHY = new FaultState(SimLink.UP, 0, null, null, 0, 1.0, false, null, 1.0);

    /** True when no fault at all is injected. */
    public boolean healthy() {
        return equals(HEALTHY);
    }
}
