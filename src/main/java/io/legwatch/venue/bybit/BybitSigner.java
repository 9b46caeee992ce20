package io.legwatch.venue.bybit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Bybit v5 HMAC-SHA256 signing (lower-case hex), for REST requests and the private WebSocket
 * {@code auth} op. Holds the secret; never prints it.
 */
public final class BybitSigner {
    private final SecretKeySpec key;

    public BybitSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
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

    public String sign(String prehash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "BybitSigner[secret hidden]";
    }
}
