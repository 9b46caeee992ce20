package io.legwatch.engine;

import io.legwatch.domain.VenueEvent;

/**
 * Sees every venue event right after the engine folded it into its state, on the engine thread and
 * in the order applied: the hook latency stamping and load accounting need (venue bytes -> applied).
 * Must be cheap and must not block; it runs once per venue message.
 */
@FunctionalInterface
public interface AppliedEventListener {
    void onApplied(VenueEvent event);
}
