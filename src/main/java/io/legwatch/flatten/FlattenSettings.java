package io.legwatch.flatten;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The escalation ladder's knobs.
 *
 * @param limitAttempts      reduce-only IOC limit attempts before going to market
 * @param payUpStartBps      pay-up over the mark on the first IOC attempt, basis points
 * @param payUpStepBps       added pay-up per further IOC attempt
 * @param marketNoProgress   consecutive market attempts without any fill before giving up
 * @param maxOrdersPerLeg    hard cap on orders sent for one leg (partial fills keep the ladder going
 *                           while they make progress, but never forever)
 * @param maxResends         re-sends of one in-doubt order (same client id) before giving up on it
 * @param attemptTimeout     deadline for one order acknowledgement, cancel or venue read
 * @param backoffStart       first retry delay; doubles per retry of the same step
 * @param backoffMax         retry delay ceiling
 * @param venueDownAlarm     how long work may wait for an unreachable venue before the alarm fires
 *                           (the work stays queued and resumes when the venue answers)
 * @param reopenWatch        how long a verified-flat scope is watched for late fills
 */
public record FlattenSettings(int limitAttempts, double payUpStartBps, double payUpStepBps, int marketNoProgress,
                              int maxOrdersPerLeg, int maxResends, Duration attemptTimeout, Duration backoffStart,
                              Duration backoffMax, Duration venueDownAlarm, Duration reopenWatch) {
    public static final FlattenSettings DEFAULT = new FlattenSettings(3, 10, 25, 2, 40, 3, Duration.ofSeconds(3),
            Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(5));

    public FlattenSettings {
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(backoffStart, "backoffStart");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(venueDownAlarm, "venueDownAlarm");
        Objects.requireNonNull(reopenWatch, "reopenWatch");
        if (limitAttempts < 0 || marketNoProgress < 1 || maxOrdersPerLeg < 1 || maxResends < 0
                || payUpStartBps < 0 || payUpStepBps < 0) {
            throw new IllegalArgumentException("flatten settings out of range");
        }
    }

    /** Pay-up in basis points for IOC attempt {@code n} (1-based). */
    public double payUpBps(int n) {
        return payUpStartBps + payUpStepBps * (n - 1);
    }

    /** Retry delay for the {@code retry}-th retry (1-based) of one step. */
    public long backoffMs(int retry) {
        long ms = backoffStart.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
        return Math.min(ms, backoffMax.toMillis());
    }

    /** The ladder in words, for the confirm dialog. */
    public String describe() {
        return String.format(Locale.ROOT,
                "cancel open orders; re-read position and orders from the venue; up to %d reduce-only IOC limit "
                        + "orders paying %.0f bps over the mark, +%.0f bps per attempt; then reduce-only market "
                        + "orders; each step has a %d ms deadline; stop and alarm after %d market attempts without a "
                        + "fill. Done only when the venue reports zero.",
                limitAttempts, payUpStartBps, payUpStepBps, attemptTimeout.toMillis(), marketNoProgress);
    }

    public FlattenSettings withAttemptTimeout(Duration d) {
        return new FlattenSettings(limitAttempts, payUpStartBps, payUpStepBps, marketNoProgress, maxOrdersPerLeg,
                maxResends, d, backoffStart, backoffMax, venueDownAlarm, reopenWatch);
    }

    public FlattenSettings withBackoff(Duration start, Duration max) {
        return new FlattenSettings(limitAttempts, payUpStartBps, payUpStepBps, marketNoProgress, maxOrdersPerLeg,
                maxResends, attemptTimeout, start, max, venueDownAlarm, reopenWatch);
    }

    public FlattenSettings withVenueDownAlarm(Duration d) {
        return new FlattenSettings(limitAttempts, payUpStartBps, payUpStepBps, marketNoProgress, maxOrdersPerLeg,
                maxResends, attemptTimeout, backoffStart, backoffMax, d, reopenWatch);
    }
}
