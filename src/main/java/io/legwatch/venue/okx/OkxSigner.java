package io.legwatch.venue.okx;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * OKX v5 signing: Base64(HMAC-SHA256(secret, prehash)) for REST ({@code OK-ACCESS-SIGN}) and for
 * the private WebSocket {@code login} op. Holds the secret; never prints it.
 */
public final class OkxSigner {
    /** REST timestamps are ISO-8601 UTC with exactly three fraction digits, e.g. 2020-12-08T09:08:57.715Z. */
    private static final DateTimeFormatter REST_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final SecretKeySpec key;

    public OkxSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
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

    public String sign(String prehash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "OkxSigner[secret hidden]";
    }
}
