package io.legwatch.ui;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;

/** Words and icons for statuses, in one place so every view says the same thing. */
public final class StatusText {
    private StatusText() {
    }

    public static String label(HedgeStatus s) {
        return s == HedgeStatus.FLATTEN_FAILED ? "FLATTEN FAILED" : s.name();
    }

    /** The pseudo-class a row in this status carries; colours live in legwatch.css. */
    public static String pseudoClass(HedgeStatus s) {
        return s.name().toLowerCase().replace('_', '-');
    }

    public static String explain(HedgeStatus s) {
        return switch (s) {
            case HEDGED -> "Net USD delta within tolerance.";
            case LEGGING -> "Out of tolerance, still within the grace period (legs fill apart).";
            case NAKED -> "Out of tolerance past the grace period: naked directional exposure.";
            case UNKNOWN -> "A leg's venue is down, stale or its position query failed. Not treated as flat.";
            case FLATTENING -> "A flatten is working; waiting for the venues to report zero.";
            case FLAT -> "Every leg confirmed zero by its venue.";
            case FLATTEN_FAILED -> "The flatten ladder ran out. A human must act now.";
        };
    }

    /** Ikonli material2 literal. */
    public static String iconLiteral(HedgeStatus s) {
        return switch (s) {
            case HEDGED -> "mdal-check_circle";
            case LEGGING -> "mdal-hourglass_bottom";
            case NAKED -> "mdmz-warning";
            case UNKNOWN -> "mdal-help";
            case FLATTENING -> "mdal-autorenew";
            case FLAT -> "mdal-horizontal_rule";
            case FLATTEN_FAILED -> "mdal-error";
        };
    }

    public static String label(ConnectionState s) {
        return s.name().toLowerCase();
    }

    public static String pseudoClass(ConnectionState s) {
        return s.name().toLowerCase();
    }
}
