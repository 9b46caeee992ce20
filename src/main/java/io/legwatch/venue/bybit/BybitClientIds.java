package io.legwatch.venue.bybit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Bybit {@code orderLinkId}: at most 36 characters of letters, digits, '-' and '_'. Our client
 * ids are deterministic; one that does not fit is mapped deterministically (invalid characters
 * become '_', an over-long id keeps a prefix plus a hash of the whole), so a resend maps to the
 * same orderLinkId and Bybit refuses the duplicate instead of opening a second order.
 */
public final class BybitClientIds {
    static final int MAX_LENGTH = 36;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,36}");

    private BybitClientIds() {
    }

    public static String orderLinkId(String clientOrderId) {
        if (VALID.matcher(clientOrderId).matches()) {
            return clientOrderId;
        }
        String cleaned = clientOrderId.replaceAll("[^A-Za-z0-9_-]", "_");
        // keep a readable prefix, then a hash of the original so distinct ids stay distinct
        String hash = sha256Hex(clientOrderId).substring(0, 12);
        String prefix = cleaned.substring(0, Math.min(cleaned.length(), MAX_LENGTH - hash.length() - 1));
        return prefix + "-" + hash;
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
