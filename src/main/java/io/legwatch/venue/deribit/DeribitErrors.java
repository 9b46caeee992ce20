package io.legwatch.venue.deribit;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;

/**
 * Deribit JSON-RPC error codes -> typed errors. Codes from the docs' complete error table
 * (samples/deribit/errors.md), not its contradictory summary table.
 */
final class DeribitErrors {
    private DeribitErrors() {
    }

    static VenueError.Kind kindOf(int code) {
        return switch (code) {
            case 10028, 10047, 10066 -> VenueError.Kind.RATE_LIMITED;       // too_many_requests, ME queue full, concurrent
            case 10000, 13004, 13009 -> VenueError.Kind.AUTH;               // authorization_required, invalid_credentials, unauthorized
            case 13021 -> VenueError.Kind.READ_ONLY;                        // forbidden: the key lacks the scope (e.g. no trade)
            case 13888 -> VenueError.Kind.TIMEOUT;                          // timed_out
            case 10040, 10041, 11051, 11094, 13028 -> VenueError.Kind.NETWORK; // retry, settlement, maintenance, 5xx-like
            case -32601, 10030 -> VenueError.Kind.UNSUPPORTED;              // method not found, must_be_websocket_request
            case -32700, -32600 -> VenueError.Kind.MALFORMED;               // parse error, frame too large
            default -> VenueError.Kind.REJECTED;                            // order-level refusals: funds, qty, price, reduce-only...
        };
    }

    static VenueError of(VenueId venue, Integer code, String message) {
        int c = code == null ? 0 : code;
        return new VenueError(venue, kindOf(c), Integer.toString(c), message);
    }
}
