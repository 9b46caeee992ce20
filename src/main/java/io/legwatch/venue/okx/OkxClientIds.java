package io.legwatch.venue.okx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * OKX {@code clOrdId}: 1 to 32 case-sensitive letters and digits. Our deterministic client ids
 * are mapped deterministically: kept when they fit, else their letters and digits as a prefix
 * plus a hash of the whole id, so a resend reuses the id and OKX refuses the duplicate.
 */
public final class OkxClientIds {
    static final int MAX_LENGTH = 32;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9]{1,32}");

    private OkxClientIds() {
    }

    public static String clOrdId(String clientOrderId) {
        if (VALID.matcher(clientOrderId).matches()) {
            return clientOrderId;
        }
        String hash = sha256Hex(clientOrderId).substring(0, 12);
        String alnum = clientOrderId.replaceAll("[^A-Za-z0-9]", "");
        return alnum.substring(0, Math.min(alnum.length(), MAX_LENGTH - hash.length())) + hash;
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
