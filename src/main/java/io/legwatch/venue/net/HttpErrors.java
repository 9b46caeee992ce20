package io.legwatch.venue.net;

import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The venue-independent meaning of HTTP statuses and I/O failures, used when the body says nothing more. */
public final class HttpErrors {
    private static final int MAX_BODY = 300;
    private static final Pattern HTML_TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
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
        String body = readable(Redactor.redact(bodySnippet));
        return new VenueError(venue, kind, "HTTP" + status, body.isEmpty() ? what : what + ": " + body);
    }

    /**
     * What of an error body a trader can read in one line of the alarms log: a proxy's or CDN's HTML
     * error page is reduced to its title (the whole page was shown before), any other body has its
     * whitespace collapsed and is cut at {@value #MAX_BODY} characters.
     */
    static String readable(String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("<")) {
            Matcher title = HTML_TITLE.matcher(text);
            String t = title.find() ? WHITESPACE.matcher(title.group(1)).replaceAll(" ").strip() : "";
            return t.isEmpty() ? "an HTML error page" : "HTML error page \"" + cut(t) + "\"";
        }
        return cut(WHITESPACE.matcher(text).replaceAll(" "));
    }

    private static String cut(String s) {
        return s.length() <= MAX_BODY ? s : s.substring(0, MAX_BODY) + "...";
    }

    public static VenueError fromIo(VenueId venue, IOException e) {
        boolean timeout = e instanceof SocketTimeoutException || e instanceof InterruptedIOException;
        return new VenueError(venue, timeout ? VenueError.Kind.TIMEOUT : VenueError.Kind.NETWORK, null,
                (timeout ? "timed out: " : "network error: ") + e.getMessage());
    }
}
