package io.legwatch.engine;

import io.legwatch.domain.VenueId;

import java.util.List;
import java.util.Map;

/**
 * Everything the monitor knows at one instant, immutable and versioned. Published by the engine
 * thread; read by the UI once per pulse and by the flatten service.
 *
 * @param version       strictly increasing per publish
 * @param asOfMs        engine clock when published
 * @param strategies    configured strategies in configuration order
 * @param unassigned    positions no strategy claims
 * @param byUnderlying  net delta per underlying across all venues
 * @param venues        link state per venue account
 * @param lastEventRecvNanos receive stamp of the newest venue event folded into this snapshot
 */
public record MonitorSnapshot(long version, long asOfMs, List<StrategyView> strategies, List<LegView> unassigned,
                              List<UnderlyingView> byUnderlying, Map<VenueId, VenueView> venues,
                              long lastEventRecvNanos) {
    public MonitorSnapshot {
        strategies = List.copyOf(strategies);
        unassigned = List.copyOf(unassigned);
        byUnderlying = List.copyOf(byUnderlying);
        venues = Map.copyOf(venues);
    }
}
