package io.legwatch.flatten;

/**
 * Something a human must act on now.
 *
 * @param flattenId the kill action it concerns, or null
 * @param kind      what happened
 * @param message   one line for the trader
 */
public record FlattenAlarm(long atMs, String flattenId, Kind kind, String message) {
    public enum Kind {
        /** The ladder ran out: FLATTEN_FAILED. */
        FLATTEN_FAILED,
        /** A venue has not answered for a while; the work stays queued. */
        VENUE_UNREACHABLE,
        /** Automatic policy wants a human: alert-only rule, or attempt cap reached. */
        AUTO_POLICY,
        /** A flatten found unfinished at start is being re-verified and resumed. */
        RECOVERED,
        /** The journal could not write or fsync: the flatten goes on, but it is not recorded. */
        JOURNAL_FAILED
    }
}
