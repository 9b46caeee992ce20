package io.legwatch.venue.net;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/** HMAC-SHA256 in the two encodings venues use: lower-case hex (Deribit, Binance, Bybit) and Base64 (OKX). */
public final class Hmac {
    private static final HexFormat HEX = HexFormat.of();

    private Hmac() {
    }

    public static byte[] sha256(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JRE; reaching this is a broken runtime, not bad input.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String sha256Hex(String key, String message) {
        return HEX.formatHex(sha256(key, message));
    }

    public static String sha256Base64(String key, String message) {
        return Base64.getEncoder().encodeToString(sha256(key, message));
    }
}
