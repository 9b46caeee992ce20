package io.legwatch.ui;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Exposure;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueId;
import io.legwatch.engine.LegView;
import io.legwatch.engine.MonitorSnapshot;
import io.legwatch.engine.StrategyView;
import io.legwatch.engine.UnderlyingView;
import io.legwatch.engine.VenueView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made engine snapshots for view tests that do not need the engine. */
public final class TestSnapshots {
    public static final VenueId A = VenueId.of("sim-a");
    public static final VenueId B = VenueId.of("sim-b");

    private TestSnapshots() {
    }

    public static LegView leg(String strategyId, String legId, VenueId venue, String symbol, double qty, double price,
                              HedgeStatus status, long lastUpdateMs) {
        return new LegView(legId, strategyId, new InstrumentKey(venue, symbol), InstrumentKind.LINEAR,
                qty >= 0 ? Side.BUY : Side.SELL, qty, true, price, new Exposure(qty, qty * price), status,
                ConnectionState.CONNECTED, lastUpdateMs, 0, 0);
    }

    public static LegView unknownLeg(String strategyId, String legId, VenueId venue, String symbol) {
        return new LegView(legId, strategyId, new InstrumentKey(venue, symbol), InstrumentKind.LINEAR, Side.SELL, 0,
                false, 0, Exposure.UNKNOWN, HedgeStatus.UNKNOWN, ConnectionState.DOWN, 0, 0, 0);
    }

    public static StrategyView strategy(String id, HedgeStatus status, double netUsd, long nakedSinceMs,
                                        LegView... legs) {
        return new StrategyView(id, "Strategy " + id, status, netUsd, 100_000, 2_000, nakedSinceMs,
                status + " because test", List.of(legs));
    }

    public static MonitorSnapshot snapshot(long version, List<StrategyView> strategies, List<LegView> unassigned) {
        Map<VenueId, VenueView> venues = new LinkedHashMap<>();
        venues.put(A, new VenueView(A, ConnectionState.CONNECTED, "", 1_000, null, 0));
        venues.put(B, new VenueView(B, ConnectionState.CONNECTED, "", 1_000,
                new VenueError(B, VenueError.Kind.REJECTED, "10001", "insufficient margin"), 1));
        return new MonitorSnapshot(version, 1_000, strategies, unassigned,
                List.of(new UnderlyingView("BTC", 0.01, 650, 130_000, true)), venues, 0);
    }
}
