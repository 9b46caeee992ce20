package io.legwatch.ui;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Fixed-decimal, always-signed numbers and compact ages for the tables. Output is meant for a
 * monospaced, right-aligned cell: every value of a column has the same number of decimals, the
 * sign is always visible and a true minus sign (U+2212) is used so it is as wide as the plus.
 * Not thread-safe (DecimalFormat); used on the FX thread only.
 */
public final class Format {
    /** Shown instead of a number the venue has not confirmed: never a made-up zero. */
    public static final String UNKNOWN = "unknown";
    private static final char MINUS = '\u2212';

    private final DecimalFormat qty = signed("#,##0.0000");
    private final DecimalFormat usd = signed("#,##0");
    private final DecimalFormat plain = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US));

    private static DecimalFormat signed(String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.US);
        symbols.setMinusSign(MINUS);
        DecimalFormat f = new DecimalFormat("+" + pattern + ";" + MINUS + pattern, symbols);
        f.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        return f;
    }

    /** Venue quantity or base delta, 4 decimals: {@code +1,234.5000}, {@code −0.0100}, {@code 0.0000}. */
    public String qty(double v) {
        return signedOrZero(qty, v, "0.0000");
    }

    /** USD, whole dollars: {@code +12,345}, {@code −900}, {@code 0}. */
    public String usd(double v) {
        return signedOrZero(usd, v, "0");
    }

    /** An unsigned whole amount with separators, e.g. a tolerance band: {@code ±1,000}. */
    public String band(double v) {
        return Double.isNaN(v) ? UNKNOWN : "\u00b1" + plain.format(v);
    }

    /** An unsigned whole USD amount, e.g. a peak |exposure|: {@code $12,346}. */
    public String dollars(double v) {
        return Double.isNaN(v) ? UNKNOWN : "$" + plain.format(v);
    }

    private static String signedOrZero(DecimalFormat f, double v, String zero) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return UNKNOWN;
        }
        String s = f.format(v);
        // A value that rounds to zero prints without a sign: "+0.0000" would suggest a direction.
        return s.substring(1).equals(zero) ? zero : s;
    }

    /** A duration for "age" and "naked for" cells: {@code 0.4s}, {@code 12s}, {@code 4m05s}, {@code 2h03m}. */
    public static String age(long millis) {
        if (millis < 0) {
            millis = 0;
        }
        if (millis < 10_000) {
            long tenths = millis / 100;
            return tenths / 10 + "." + tenths % 10 + "s";
        }
        long s = millis / 1000;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + twoDigits(s % 60) + "s";
        }
        return s / 3600 + "h" + twoDigits(s / 60 % 60) + "m";
    }

    private static String twoDigits(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }
}
