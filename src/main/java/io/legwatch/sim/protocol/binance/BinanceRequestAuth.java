package io.legwatch.sim.protocol.binance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Checks a signed request the way Binance documents it: hex HMAC-SHA256 of {@code totalParams} (query string
 * followed directly by the body, without the {@code signature} parameter, which must come last) keyed with
 * the account's secret, compared case-insensitively; and {@code timestamp} within {@code recvWindow}.
 */
final class BinanceRequestAuth {
    /** Why a request is refused, as Binance's error code and message; null fields mean accepted. */
    record Refusal(int http, int code, String msg) {
    }

    static final Refusal BAD_KEY = new Refusal(401, -2015, "Invalid API-key, IP, or permissions for action.");
    static final Refusal BAD_SIGNATURE = new Refusal(400, -1022, "Signature for this request is not valid.");

    private final String apiKey;
    private final SecretKeySpec secret;

    BinanceRequestAuth(String apiKey, String secret) {
        this.apiKey = apiKey;
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** USER_STREAM security: the API key header alone. */
    Refusal checkKey(String headerKey) {
        if (headerKey == null || headerKey.isBlank()) {
            return new Refusal(400, -2014, "API-key format invalid.");
        }
        return apiKey.equals(headerKey) ? null : BAD_KEY;
    }

    /** TRADE / USER_DATA security: key, signature, then timestamp and recvWindow against {@code serverTime}. */
    Refusal checkSigned(String headerKey, String rawQuery, String rawBody, BinanceParamsView params, long serverTime) {
        Refusal key = checkKey(headerKey);
        if (key != null) {
            return key;
        }
        String query = rawQuery == null ? "" : rawQuery;
        String body = rawBody == null ? "" : rawBody;
        String signature;
        String total;
        int inQuery = lastSignature(query);
        int inBody = lastSignature(body);
        if (inBody >= 0) {
            signature = body.substring(inBody).replaceFirst("^&?signature=", "");
            total = query + body.substring(0, inBody);
        } else if (inQuery >= 0) {
            signature = query.substring(inQuery).replaceFirst("^&?signature=", "");
            total = query.substring(0, inQuery) + body;
        } else {
            return new Refusal(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or "
                    + "malformed.");
        }
        if (signature.contains("&") || !MessageDigest.isEqual(hmacHex(total).getBytes(StandardCharsets.US_ASCII),
                signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return BAD_SIGNATURE;
        }
        String ts = params.get("timestamp");
        if (ts == null) {
            return new Refusal(400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or "
                    + "malformed.");
        }
        long timestamp;
        long recvWindow;
        try {
            timestamp = Long.parseLong(ts);
            recvWindow = params.get("recvWindow") == null ? 5000 : Long.parseLong(params.get("recvWindow"));
        } catch (NumberFormatException e) {
            return new Refusal(400, -1100, "Illegal characters found in a parameter.");
        }
        if (recvWindow > 60_000) {
            return new Refusal(400, -1131, "recvWindow must be less than 60000");
        }
        if (timestamp >= serverTime + 1000) {
            return new Refusal(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (serverTime - timestamp > recvWindow) {
            return new Refusal(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
        return null;
    }

    private static int lastSignature(String s) {
        if (s.startsWith("signature=")) {
            return 0;
        }
        return s.lastIndexOf("&signature=");
    }

    private String hmacHex(String total) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(total.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "BinanceRequestAuth[secret=***]";
    }
}
