package io.legwatch.flatten;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Exposure;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.LegView;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.engine.VenueView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds MonitorSnapshots for tests, the way the engine publishes them. */
final class Snapshots {
    private final List<StrategyView> strategies = new ArrayList<>();
    private final List<LegView> unassigned = new ArrayList<>();
    private final Map<VenueId, VenueView> venues = new HashMap<>();
    private long version = 1;
    private long asOf;

    static LegView leg(String strategyId, String legId, InstrumentKey key, double qty, double mark,
                       HedgeStatus status, ConnectionState venueState) {
        boolean known = venueState.trusted();
        return new LegView(legId, strategyId, key, InstrumentKind.LINEAR, qty >= 0 ? Side.BUY : Side.SELL,
                known ? qty : 0, known, mark, known ? new Exposure(qty, qty * mark) : Exposure.UNKNOWN, status,
                venueState, 0, 0, 0);
    }

    Snapshots at(long version, long asOfMs) {
        this.version = version;
        this.asOf = asOfMs;
        return this;
    }

    Snapshots strategy(String id, HedgeStatus status, double netUsd, LegView... legs) {
        strategies.add(new StrategyView(id, id, status, netUsd, Math.abs(netUsd), 1_000, 0, status.name(),
                List.of(legs)));
        return this;
    }

    Snapshots unassigned(LegView leg) {
        unassigned.add(leg);
        return this;
    }

    Snapshots venue(VenueId id, ConnectionState state) {
        venues.put(id, new VenueView(id, state, state.name(), asOf, null, 0));
        return this;
    }

    MonitorSnapshot build() {
        return new MonitorSnapshot(version, asOf, strategies, unassigned, List.of(), venues, 0);
    }
}
