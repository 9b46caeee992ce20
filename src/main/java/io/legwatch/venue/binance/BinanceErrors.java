package io.legwatch.venue.binance;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueError.Kind;
import io.legwatch.domain.VenueId;

/**
 * Turns Binance's HTTP status and error body into a typed {@link VenueError}. The docs give several
 * messages for some codes, so the kind is decided by HTTP status and {@code code}, never by the text.
 */
public final class BinanceErrors {
    public static final int TOO_MANY_REQUESTS = -1003;
    public static final int TIMEOUT_UNKNOWN_STATUS = -1007;
    public static final int THROTTLED_BY_SYSTEM = -1008;
    public static final int INVALID_TIMESTAMP = -1021;
    public static final int INVALID_SIGNATURE = -1022;
    public static final int BAD_API_KEY_FORMAT = -2014;
    public static final int REJECTED_MBX_KEY = -2015;

    private BinanceErrors() {
    }

    /**
     * @param httpStatus the HTTP status (0 when the error came over the stream)
     * @param body       the parsed body, or null when the body was not a Binance error object
     * @param rawHint    a short text for the trader when there is no body (never contains secrets)
     */
    public static VenueError classify(VenueId venue, int httpStatus, BinanceRestParser.ErrorBody body, String rawHint) {
        String code = body == null ? (httpStatus == 0 ? null : "HTTP " + httpStatus) : Integer.toString(body.code());
        String msg = body == null ? rawHint : body.msg();
        if (httpStatus == 418) {
            return new VenueError(venue, Kind.RATE_LIMITED, code, "IP banned by Binance (HTTP 418): " + msg);
        }
        if (httpStatus == 429) {
            return new VenueError(venue, Kind.RATE_LIMITED, code, msg);
        }
        if (body != null) {
            Kind kind = switch (body.code()) {
                case TOO_MANY_REQUESTS, THROTTLED_BY_SYSTEM -> Kind.RATE_LIMITED;
                case INVALID_TIMESTAMP -> Kind.TIMESTAMP;
                case INVALID_SIGNATURE, BAD_API_KEY_FORMAT, REJECTED_MBX_KEY -> Kind.AUTH;
                case TIMEOUT_UNKNOWN_STATUS -> Kind.TIMEOUT;
                default -> httpStatus == 401 || httpStatus == 403 ? Kind.AUTH
                        : httpStatus >= 500 ? Kind.NETWORK : Kind.REJECTED;
            };
            return new VenueError(venue, kind, code, msg);
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return new VenueError(venue, Kind.AUTH, code, msg);
        }
        if (httpStatus == 503 || httpStatus == 408) {
            // The docs: a 503 "Unknown error" means the request may have been executed.
            return new VenueError(venue, Kind.TIMEOUT, code, "outcome unknown: " + msg);
        }
        if (httpStatus >= 500) {
            return new VenueError(venue, Kind.NETWORK, code, msg);
        }
        return new VenueError(venue, Kind.MALFORMED, code, msg);
    }
}
