package io.legwatch.venue.net;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/** The venue-independent meaning of HTTP statuses and I/O failures, used when the body says nothing more. */
public final class HttpErrors {
    private HttpErrors() {
    }

    /** Null for a success status (2xx); otherwise the generic error for that status. */
    public static VenueError fromStatus(VenueId venue, int status, String bodySnippet) {
        if (status >= 200 && status < 300) {
            return null;
        }
        VenueError.Kind kind;
        String what;
        if (status == 429) {
            kind = VenueError.Kind.RATE_LIMITED;
            what = "HTTP 429 too many requests";
        } else if (status == 418) {
            // Binance: an IP ban after ignoring 429s. Back off much longer; a human may have to look.
            kind = VenueError.Kind.RATE_LIMITED;
            what = "HTTP 418 IP banned for exceeding rate limits";
        } else if (status == 401 || status == 403) {
            kind = VenueError.Kind.AUTH;
            what = "HTTP " + status + " not authorised";
        } else if (status >= 500) {
            // The venue failed: for an order the outcome is unknown, the caller must verify.
            kind = VenueError.Kind.NETWORK;
            what = "HTTP " + status + " venue unavailable";
        } else {
            kind = VenueError.Kind.REJECTED;
            what = "HTTP " + status;
        }
        String body = Redactor.redact(bodySnippet);
        return new VenueError(venue, kind, "HTTP" + status, body.isEmpty() ? what : what + ": " + body);
    }

    public static VenueError fromIo(VenueId venue, IOException e) {
        boolean timeout = e instanceof SocketTimeoutException || e instanceof InterruptedIOException;
        return new VenueError(venue, timeout ? VenueError.Kind.TIMEOUT : VenueError.Kind.NETWORK, null,
                (timeout ? "timed out: " : "network error: ") + e.getMessage());
    }
}
