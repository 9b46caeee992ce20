package io.legwatch.venue.binance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Binance USD-M request signing: hex HMAC-SHA256 keyed with the secret over {@code totalParams}
 * (the query string immediately followed by the form body, no separator between them).
 * The secret stays inside the {@link Mac} key and is never exposed by this class.
 */
public final class BinanceSigner {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final SecretKeySpec key;

    public BinanceSigner(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("Binance secret key is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Signature of a request whose parameters are all in the query string (or all in the body). */
    public String sign(String totalParams) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return hex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Signature of a request that carries parameters both in the query string and in the body. */
    public String sign(String queryString, String body) {
        return sign(queryString + body);
    }

    /** Constant-time comparison of a received signature with ours (the docs: "not case sensitive"). */
    public boolean verify(String totalParams, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(totalParams).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return java.security.MessageDigest.isEqual(expected, given);
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    @Override
    public String toString() {
        return "BinanceSigner[secret=***]";
    }
}
