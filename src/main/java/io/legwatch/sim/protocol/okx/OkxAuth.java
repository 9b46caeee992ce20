package io.legwatch.sim.protocol.okx;

import io.legwatch.domain.TimeSource;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies OKX v5 signatures as the venue documents them (REST {@code OK-ACCESS-*} headers, WebSocket
 * {@code login}) for the one account, answering with OKX's own codes.
 */
final class OkxAuth {
    /** Why a request was refused: HTTP status (REST), OKX code and message. */
    record Refusal(int httpStatus, String code, String msg) {
    }

    private static final long WINDOW_MS = 30_000;

    private final String apiKey;
    private final String passphrase;
    private final SecretKeySpec secret;
    private final TimeSource clock;

    OkxAuth(String apiKey, String apiSecret, String passphrase, TimeSource clock) {
        this.apiKey = apiKey;
        this.passphrase = passphrase;
        this.secret = new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    Refusal checkRest(String key, String sign, String timestamp, String pass, String method, String requestPath,
                      String body) {
        if (key == null || key.isEmpty()) {
            return new Refusal(401, "50103", "Request header \"OK-ACCESS-KEY\" cannot be empty.");
        }
        if (pass == null || pass.isEmpty()) {
            return new Refusal(401, "50104", "Request header \"OK-ACCESS-PASSPHRASE\" cannot be empty.");
        }
        if (sign == null || sign.isEmpty()) {
            return new Refusal(401, "50106", "Request header \"OK-ACCESS-SIGN\" cannot be empty.");
        }
        if (timestamp == null || timestamp.isEmpty()) {
            return new Refusal(401, "50107", "Request header \"OK-ACCESS-TIMESTAMP\" cannot be empty.");
        }
        if (!key.equals(apiKey)) {
            return new Refusal(401, "50111", "Invalid OK-ACCESS-KEY.");
        }
        long ts;
        try {
            ts = Instant.parse(timestamp).toEpochMilli();
        } catch (DateTimeParseException e) {
            return new Refusal(401, "50112", "Invalid OK-ACCESS-TIMESTAMP.");
        }
        if (Math.abs(clock.millis() - ts) > WINDOW_MS) {
            return new Refusal(401, "50102", "Timestamp request expired.");
        }
        if (!pass.equals(passphrase)) {
            return new Refusal(401, "50105", "Request header \"OK-ACCESS-PASSPHRASE\" incorrect.");
        }
        if (!equal(hmacBase64(timestamp + method + requestPath + (body == null ? "" : body)), sign)) {
            return new Refusal(401, "50113", "Invalid signature.");
        }
        return null;
    }

    /** Null when the login args are valid; otherwise OKX's WebSocket error code and message. */
    Refusal checkLogin(String key, String pass, String timestamp, String sign) {
        if (key == null || !key.equals(apiKey)) {
            return new Refusal(0, "60005", "Invalid apiKey");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            return new Refusal(0, "60004", "Invalid timestamp");
        }
        if (Math.abs(clock.millis() / 1000 - seconds) > WINDOW_MS / 1000) {
            return new Refusal(0, "60006", "Timestamp request expired");
        }
        if (pass == null || !pass.equals(passphrase)) {
            return new Refusal(0, "60009", "Login failed.");
        }
        if (sign == null || !equal(hmacBase64(timestamp + "GET/users/self/verify"), sign)) {
            return new Refusal(0, "60007", "Invalid sign");
        }
        return null;
    }

    private String hmacBase64(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "OkxAuth[secret hidden]";
    }
}
