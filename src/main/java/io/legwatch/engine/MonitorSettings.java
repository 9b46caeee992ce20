package io.legwatch.engine;

import io.legwatch.domain.VenueId;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the {@link HedgeMonitor} runs.
 *
 * @param defaultStaleAfter a venue silent for longer than this is STALE (unless overridden per venue)
 * @param staleAfter        per-venue staleness limits overriding the default
 * @param tickInterval      how often the engine thread advances timers (grace expiry, staleness) with no input
 * @param publishPolicy     when the engine thread publishes a new snapshot version
 * @param maxBatch          most inputs applied before a publish, bounding event-to-snapshot latency in a burst
 */
public record MonitorSettings(Duration defaultStaleAfter, Map<VenueId, Duration> staleAfter, Duration tickInterval,
                              PublishPolicy publishPolicy, int maxBatch) {

    /** When the engine thread publishes. */
    public enum PublishPolicy {
        /** After a drained batch or a tick only if something changed (every venue message changes its VenueView). */
        ON_CHANGE,
        /** After every drained batch and every tick, so {@code asOfMs} advances even when nothing changed. */
        EVERY_TURN
    }

    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TICK = Duration.ofMillis(100);

    public MonitorSettings {
        Objects.requireNonNull(defaultStaleAfter, "defaultStaleAfter");
        Objects.requireNonNull(tickInterval, "tickInterval");
        Objects.requireNonNull(publishPolicy, "publishPolicy");
        staleAfter = Map.copyOf(staleAfter);
        if (defaultStaleAfter.isNegative() || defaultStaleAfter.isZero()) {
            throw new IllegalArgumentException("staleness limit must be > 0, was " + defaultStaleAfter);
        }
        staleAfter.forEach((venue, limit) -> {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("staleness limit of venue " + venue + " must be > 0, was " + limit);
            }
        });
        if (tickInterval.isNegative() || tickInterval.isZero()) {
            throw new IllegalArgumentException("tick interval must be > 0, was " + tickInterval);
        }
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, was " + maxBatch);
        }
    }

    /** 5 s staleness for every venue, 100 ms ticks, publish on change, batches of at most 4096 inputs. */
    public static MonitorSettings defaults() {
        return new MonitorSettings(DEFAULT_STALE_AFTER, Map.of(), DEFAULT_TICK, PublishPolicy.ON_CHANGE, 4096);
    }

    /** The staleness limit of {@code venue}. */
    public Duration staleAfter(VenueId venue) {
        return staleAfter.getOrDefault(venue, defaultStaleAfter);
    }

    public MonitorSettings withStaleAfter(VenueId venue, Duration limit) {
        Map<VenueId, Duration> copy = new HashMap<>(staleAfter);
        copy.put(venue, limit);
        return new MonitorSettings(defaultStaleAfter, copy, tickInterval, publishPolicy, maxBatch);
    }

    public MonitorSettings withDefaultStaleAfter(Duration limit) {
        return new MonitorSettings(limit, staleAfter, tickInterval, publishPolicy, maxBatch);
    }

    public MonitorSettings withTickInterval(Duration interval) {
        return new MonitorSettings(defaultStaleAfter, staleAfter, interval, publishPolicy, maxBatch);
    }

    public MonitorSettings withPublishPolicy(PublishPolicy policy) {
        return new MonitorSettings(defaultStaleAfter, staleAfter, tickInterval, policy, maxBatch);
    }

    public MonitorSettings withMaxBatch(int batch) {
        return new MonitorSettings(defaultStaleAfter, staleAfter, tickInterval, publishPolicy, batch);
    }
}
