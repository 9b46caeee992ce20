package io.legwatch.venue.okx;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;

/**
 * Maps OKX v5 codes (REST {@code code}, per-order {@code sCode}, WebSocket {@code code}) onto typed
 * {@link VenueError}s. Codes are strings on the wire and kept as sent: the docs' own example
 * carries the placeholder {@code "5XXXX"}, which stays a plain rejection with that code.
 */
public final class OkxErrors {
    private OkxErrors() {
    }

    public static VenueError.Kind kindOf(String code) {
        if (code == null) {
            return VenueError.Kind.REJECTED;
        }
        return switch (code) {
            case "50011", "50013", "50061", "60014" -> VenueError.Kind.RATE_LIMITED;
            case "50102", "60004", "60006" -> VenueError.Kind.TIMESTAMP;
            case "50100", "50101", "50103", "50104", "50105", "50106", "50107", "50111", "50112", "50113", "50114",
                 "60005", "60007", "60009", "60011" -> VenueError.Kind.AUTH;
            case "50004" -> VenueError.Kind.TIMEOUT;
            case "50001" -> VenueError.Kind.NETWORK;
            default -> VenueError.Kind.REJECTED;
        };
    }

    public static VenueError of(VenueId venue, String code, String msg) {
        return new VenueError(venue, kindOf(code), code, msg);
    }

    /** An HTTP failure whose body is not an OKX answer. */
    public static VenueError ofHttp(VenueId venue, int status, String text) {
        VenueError.Kind kind = switch (status) {
            case 429 -> VenueError.Kind.RATE_LIMITED;
            case 401 -> VenueError.Kind.AUTH;
            default -> VenueError.Kind.REJECTED;
        };
        return new VenueError(venue, kind, "HTTP " + status, text);
    }
}
