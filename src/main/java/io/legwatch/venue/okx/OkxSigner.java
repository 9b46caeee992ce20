package io.legwatch.venue.okx;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The strings OKX v5 signs and its REST timestamp format. The Base64 HMAC-SHA256 itself is done
 * by {@link io.legwatch.venue.net.Credentials#hmacSha256Base64}, so the secret never leaves it.
 */
public final class OkxSigner {
    /** REST timestamps are ISO-8601 UTC with exactly three fraction digits, e.g. 2020-12-08T09:08:57.715Z. */
    private static final DateTimeFormatter REST_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private OkxSigner() {
    }

    public static String restTimestamp(long epochMs) {
        return REST_TIME.format(Instant.ofEpochMilli(epochMs));
    }

    /**
     * REST prehash: {@code timestamp + METHOD + requestPath + body}; requestPath includes the query
     * string of a GET, body is the exact JSON sent ("" without a body).
     */
    public static String restPrehash(String timestamp, String method, String requestPath, String body) {
        return timestamp + method.toUpperCase(Locale.ROOT) + requestPath + (body == null ? "" : body);
    }

    /** WebSocket login prehash: epoch seconds + {@code GET} + {@code /users/self/verify}. */
    public static String loginPrehash(long epochSeconds) {
        return epochSeconds + "GET/users/self/verify";
    }
}
