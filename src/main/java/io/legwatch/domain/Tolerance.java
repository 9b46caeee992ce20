package io.legwatch.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * When a strategy counts as hedged: |net USD delta| is within {@code maxAbsUsd} or within
 * {@code maxPctOfGross} percent of its gross USD exposure, whichever is larger. Out of tolerance
 * for longer than {@code grace} is NAKED; shorter is LEGGING (legs naturally fill apart).
 */
public record Tolerance(double maxAbsUsd, double maxPctOfGross, Duration grace) {
    public static final Tolerance DEFAULT = new Tolerance(1_000, 2.0, Duration.ofSeconds(3));

    public Tolerance {
        Objects.requireNonNull(grace, "grace");
        if (maxAbsUsd < 0 || maxPctOfGross < 0 || grace.isNegative()) {
            throw new IllegalArgumentException("tolerance values must not be negative");
        }
    }

    /** The largest |net USD| that still counts as hedged for a strategy of this gross size. */
    public double allowedUsd(double grossUsd) {
        return Math.max(maxAbsUsd, grossUsd * maxPctOfGross / 100.0);
    }

    public boolean within(double netUsd, double grossUsd) {
        return Math.abs(netUsd) <= allowedUsd(grossUsd);
    }
}
