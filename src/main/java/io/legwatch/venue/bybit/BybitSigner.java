package io.legwatch.venue.bybit;

/**
 * The strings Bybit v5 signs. The HMAC-SHA256 (lower-case hex) itself is done by
 * {@link io.legwatch.venue.net.Credentials#hmacSha256Hex}, so the secret never leaves it.
 */
public final class BybitSigner {
    private BybitSigner() {
    }

    /**
     * REST string to sign: {@code timestamp + apiKey + recvWindow + payload}, where the payload is
     * the raw query string of a GET (no leading '?') or the exact JSON body of a POST.
     */
    public static String restPrehash(long timestampMs, String apiKey, long recvWindowMs, String payload) {
        return timestampMs + apiKey + recvWindowMs + (payload == null ? "" : payload);
    }

    /** WebSocket auth string to sign: the literal {@code GET/realtime} followed by the expiry in ms. */
    public static String wsAuthPrehash(long expiresMs) {
        return "GET/realtime" + expiresMs;
    }
}
