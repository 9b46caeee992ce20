package io.legwatch.flatten;

import io.legwatch.domain.VenueId;

import java.util.List;

/**
 * What one venue confirmed after a kill action; every "zero" here comes from a fresh fetch.
 *
 * @param ordersCancelled  orders the venue said it cancelled
 * @param openOrdersZero   true when a fetch showed no open orders on every instrument in scope;
 *                         false when some remain; null when the venue has not been read
 * @param positionsZero    the same for positions (null for HALT/CANCEL, which do not touch positions)
 * @param timeToFlatMs     from the kill to the venue's last verification, NaN when not verified
 * @param pending          work is queued waiting for the venue to answer
 * @param stillOpen        what is still open and why, one line each (empty when all verified)
 */
public record KillReceipt(VenueId venue, int ordersCancelled, Boolean openOrdersZero, Boolean positionsZero,
                          double timeToFlatMs, boolean pending, List<String> stillOpen, List<LegOutcome> legs) {
    public KillReceipt {
        stillOpen = List.copyOf(stillOpen);
        legs = List.copyOf(legs);
    }

    /** One line for the receipt panel, the journal and incidents. */
    public String summary() {
        StringBuilder sb = new StringBuilder().append(venue).append(": ").append(ordersCancelled)
                .append(" order(s) cancelled; open orders zero: ").append(yesNo(openOrdersZero));
        if (positionsZero != null || legs.stream().anyMatch(l -> l.positionZero() != null)) {
            sb.append("; position zero: ").append(yesNo(positionsZero));
        }
        if (!Double.isNaN(timeToFlatMs)) {
            sb.append(String.format(java.util.Locale.ROOT, "; verified in %.1f ms", timeToFlatMs));
        }
        if (pending) {
            sb.append("; PENDING (venue not answering, work queued)");
        }
        stillOpen.forEach(s -> sb.append("; still open: ").append(s));
        return sb.toString();
    }

    private static String yesNo(Boolean b) {
        return b == null ? "not verified" : b ? "yes (fetched)" : "NO";
    }
}
