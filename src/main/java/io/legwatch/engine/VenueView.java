package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;

/**
 * One venue account's link as the engine sees it.
 *
 * @param state          connection state, already downgraded to STALE when silent past the limit
 * @param lastMessageMs  wall time of the last message of any kind, 0 if none
 * @param lastError      the most recent venue error, or null
 * @param errorCount     errors seen since start
 */
public record VenueView(VenueId venue, ConnectionState state, String detail, long lastMessageMs,
                        VenueError lastError, long errorCount) {
}
