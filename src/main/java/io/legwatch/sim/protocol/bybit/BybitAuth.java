package io.legwatch.sim.protocol.bybit;

import io.legwatch.domain.TimeSource;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Bybit v5 signatures the way the venue does (docs/v5/guide.mdx, wss-authentication.mdx)
 * against the one account's key and secret, and answers with Bybit's own error codes.
 */
final class BybitAuth {
    /** Why a request was refused: Bybit's retCode and message. */
    record Refusal(int retCode, String retMsg) {
    }

    private final String apiKey;
    private final SecretKeySpec secret;
    private final TimeSource clock;

    BybitAuth(String apiKey, String apiSecret, TimeSource clock) {
        this.apiKey = apiKey;
        this.secret = new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** Null when the signed REST request is valid; otherwise the refusal. */
    Refusal checkRest(String key, String timestamp, String recvWindow, String sign, String payload) {
        if (key == null || !key.equals(apiKey)) {
            return new Refusal(10003, "API key is invalid.");
        }
        long ts;
        long window;
        try {
            ts = Long.parseLong(timestamp);
            window = recvWindow == null || recvWindow.isEmpty() ? 5000 : Long.parseLong(recvWindow);
        } catch (NumberFormatException | NullPointerException e) {
            return new Refusal(10001, "params error: X-BAPI-TIMESTAMP or X-BAPI-RECV-WINDOW invalid");
        }
        long server = clock.millis();
        // docs: accepted when server_time - recv_window <= timestamp < server_time + 1000
        if (ts < server - window || ts >= server + 1000) {
            return new Refusal(10002, "invalid request, please check your server timestamp or recv_window param. req_timestamp["
                    + ts + "],server_timestamp[" + server + "],recv_window[" + window + "]");
        }
        String expected = hmacHex(ts + key + window + (payload == null ? "" : payload));
        if (sign == null || !constantTimeEquals(expected, sign)) {
            return new Refusal(10004, "error sign! please check your signature generation algorithm.");
        }
        return null;
    }

    /** Null when the WebSocket auth args are valid; otherwise the text Bybit puts in {@code ret_msg}. */
    String checkWs(String key, long expires, String sign) {
        if (key == null || !key.equals(apiKey)) {
            return "error:invalid apikey";
        }
        if (expires <= clock.millis()) {
            return "error:request expired";
        }
        if (sign == null || !constantTimeEquals(hmacHex("GET/realtime" + expires), sign)) {
            return "error:signature verification failed";
        }
        return null;
    }

    private String hmacHex(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BybitAuth[secret hidden]";
    }
}
