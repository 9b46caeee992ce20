package io.legwatch.flatten;

import java.time.Duration;
import java.util.Objects;

/**
 * When a strategy is flattened automatically: NAKED with |net USD| above {@code thresholdUsd}
 * continuously for {@code nakedFor} (a one-snapshot blip resets the clock), at most
 * {@code maxAttempts} automatic flattens per {@code window}; beyond that, or with action ALERT, a
 * human is alerted instead.
 */
public record AutoFlattenRule(double thresholdUsd, Duration nakedFor, Action action, int maxAttempts,
                              Duration window) {
    public enum Action { FLATTEN, ALERT }

    public AutoFlattenRule {
        Objects.requireNonNull(nakedFor, "nakedFor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(window, "window");
        if (thresholdUsd < 0 || nakedFor.isNegative() || maxAttempts < 1 || window.isNegative()) {
            throw new IllegalArgumentException("auto-flatten rule out of range");
        }
    }
}
