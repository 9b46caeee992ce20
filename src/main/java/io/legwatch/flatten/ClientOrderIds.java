package io.legwatch.flatten;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Deterministic client order ids: {@code lw} + flatten id (9) + leg index (3) + attempt (2), all
 * base 36, 16 characters. Alphanumeric only because OKX's clOrdId allows nothing else; that also
 * satisfies Binance (36, [.A-Za-z0-9:/_-]), Bybit orderLinkId (36, letters digits - _) and Deribit
 * labels (64). Re-sending an in-doubt order re-uses its id, so the venue cannot take it twice.
 */
public final class ClientOrderIds {
    public static final int MAX_LENGTH = 32;
    public static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern FORMAT = Pattern.compile("lw([0-9a-z]{9})([0-9a-z]{3})([0-9a-z]{2})");
    static final int MAX_LEG = 36 * 36 * 36 - 1;
    static final int MAX_ATTEMPT = 36 * 36 - 1;

    private ClientOrderIds() {
    }

    /** The id of attempt {@code attempt} (1-based) on leg {@code legIndex} of flatten {@code flattenId}. */
    public static String of(String flattenId, int legIndex, int attempt) {
        if (flattenId.length() != FlattenIds.LENGTH || !base36(flattenId)) {
            throw new IllegalArgumentException("bad flatten id " + flattenId);
        }
        if (legIndex < 0 || legIndex > MAX_LEG || attempt < 1 || attempt > MAX_ATTEMPT) {
            throw new IllegalArgumentException("leg " + legIndex + " / attempt " + attempt + " out of range");
        }
        return "lw" + flattenId + FlattenIds.pad(Integer.toString(legIndex, 36), 3)
                + FlattenIds.pad(Integer.toString(attempt, 36), 2);
    }

    private static boolean base36(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** The parts of one of our ids, or empty for an id Legwatch's flatten did not make. */
    public static Optional<Parsed> parse(String clientOrderId) {
        if (clientOrderId == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(clientOrderId);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(m.group(1), Integer.parseInt(m.group(2), 36), Integer.parseInt(m.group(3), 36)));
    }

    public record Parsed(String flattenId, int legIndex, int attempt) {
    }
}
