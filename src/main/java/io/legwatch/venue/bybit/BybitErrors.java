package io.legwatch.venue.bybit;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;

/**
 * Maps Bybit v5 {@code retCode}s onto typed {@link VenueError}s. Codes from the v5 error table
 * (docs/v5/error.mdx); everything not listed is a plain rejection carrying the venue's words.
 */
public final class BybitErrors {
    public static final int RATE_LIMIT = 10006;
    public static final int TIMESTAMP = 10002;
    public static final int INVALID_KEY = 10003;
    public static final int BAD_SIGNATURE = 10004;
    public static final int PERMISSION_DENIED = 10005;
    public static final int UNMATCHED_IP = 10010;
    public static final int REDUCE_ONLY_TRUNCATED = 110017;
    /** "OrderLinkedID is duplicate": the client id was already used, the order exists. */
    public static final int DUPLICATE_ORDER_LINK_ID = 110072;

    private BybitErrors() {
    }

    public static VenueError.Kind kindOf(int retCode) {
        return switch (retCode) {
            case RATE_LIMIT -> VenueError.Kind.RATE_LIMITED;
            case TIMESTAMP -> VenueError.Kind.TIMESTAMP;
            case INVALID_KEY, BAD_SIGNATURE, UNMATCHED_IP -> VenueError.Kind.AUTH;
            case PERMISSION_DENIED -> VenueError.Kind.READ_ONLY;
            default -> VenueError.Kind.REJECTED;
        };
    }

    public static VenueError of(VenueId venue, int retCode, String retMsg) {
        return new VenueError(venue, kindOf(retCode), Integer.toString(retCode), retMsg);
    }

    /** An HTTP status without a Bybit body (e.g. the IP limit's "403, access too frequent"). */
    public static VenueError ofHttp(VenueId venue, int status, String text) {
        VenueError.Kind kind = switch (status) {
            case 403, 429 -> VenueError.Kind.RATE_LIMITED;
            case 401 -> VenueError.Kind.AUTH;
            default -> VenueError.Kind.REJECTED;
        };
        return new VenueError(venue, kind, "HTTP " + status, text);
    }
}
