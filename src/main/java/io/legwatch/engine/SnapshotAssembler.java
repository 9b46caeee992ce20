package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Exposure;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Side;
import io.legwatch.domain.VenueId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the mutable {@link MonitorState} into an immutable {@link MonitorSnapshot}, rebuilding only
 * what changed and reusing every unchanged view instance, so readers can diff by reference.
 * Engine thread only.
 */
final class SnapshotAssembler {
    private final MonitorState state;
    private final StrategyView[] strategyViews;
    private List<StrategyView> strategies;
    private List<LegView> unassigned = List.of();
    private List<UnderlyingView> byUnderlying = List.of();
    private Map<VenueId, VenueView> venues = Map.of();
    private long version;

    SnapshotAssembler(MonitorState state) {
        this.state = state;
        this.strategyViews = new StrategyView[state.strategies.length];
    }

    MonitorSnapshot assemble(long nowMs) {
        boolean strategiesChanged = strategies == null;
        List<StrategyState> dirty = state.dirtyStrategies;
        for (int i = 0; i < dirty.size(); i++) {
            StrategyState strategy = dirty.get(i);
            strategy.dirty = false;
            StrategyView view = strategyView(strategy);
            if (view != strategyViews[strategy.index]) {
                strategyViews[strategy.index] = view;
                strategiesChanged = true;
            }
        }
        dirty.clear();
        if (strategiesChanged) {
            strategies = List.of(strategyViews);
        }
        if (state.unassignedDirty) {
            state.unassignedDirty = false;
            unassigned = unassigned();
        }
        if (state.underlyingsDirty) {
            state.underlyingsDirty = false;
            byUnderlying = byUnderlying();
        }
        if (state.venuesDirty) {
            state.venuesDirty = false;
            venues = venues();
        }
        state.changed = false;
        return new MonitorSnapshot(++version, nowMs, strategies, unassigned, byUnderlying, venues,
                state.lastEventRecvNanos);
    }

    private StrategyView strategyView(StrategyState s) {
        boolean legsChanged = false;
        for (int l = 0; l < s.legs.length; l++) {
            InstrumentState leg = s.legs[l];
            LegView old = s.legViews[l];
            HedgeStatus legStatus = legKnown(leg) ? s.status : HedgeStatus.UNKNOWN;
            if (old != null && !leg.viewDirty && old.status() == legStatus) {
                continue;
            }
            leg.viewDirty = false;
            Leg def = s.legDefs[l];
            LegView next = legView(leg, def.id(), s.id(), def.intendedSide(), legStatus);
            if (!next.equals(old)) {
                s.legViews[l] = next;
                legsChanged = true;
            }
        }
        StrategyView old = s.view;
        if (old != null && !legsChanged && old.status() == s.status && same(old.netUsd(), s.netUsd)
                && same(old.grossUsd(), s.grossUsd) && same(old.allowedUsd(), s.allowedUsd)
                && old.nakedSinceMs() == s.outSinceMs && old.reason().equals(s.reason)) {
            return old;
        }
        s.view = new StrategyView(s.id(), s.strategy.name(), s.status, s.netUsd, s.grossUsd, s.allowedUsd,
                s.outSinceMs, s.reason, List.of(s.legViews));
        return s.view;
    }

    private static boolean same(double a, double b) {
        return Double.compare(a, b) == 0;
    }

    /** Exposure of the leg can be computed and believed. */
    private static boolean legKnown(InstrumentState leg) {
        return leg.positionKnown() && !Double.isNaN(leg.usd());
    }

    private static LegView legView(InstrumentState leg, String legId, String strategyId,
                                   Side intendedSide, HedgeStatus status) {
        boolean known = leg.positionKnown();
        Exposure exposure = Exposure.UNKNOWN;
        if (known) {
            double delta = leg.baseDelta();
            double usd = leg.usd();
            if (delta == 0) {
                exposure = Exposure.ZERO;
            } else if (!Double.isNaN(delta) && !Double.isNaN(usd)) {
                exposure = new Exposure(delta, usd);
            }
        }
        ConnectionState venueState = leg.venue.effective();
        return new LegView(legId, strategyId, leg.key, leg.instrument == null ? null : leg.instrument.kind(),
                intendedSide, leg.qty, known, leg.mark, exposure, status, venueState, leg.lastUpdateMs,
                leg.orders.size(), leg.orders.inDoubt(), leg.fills, leg.lastFill);
    }

    /** Non-zero positions (and in-doubt orders) on instruments no leg claims. */
    private List<LegView> unassigned() {
        List<LegView> views = new ArrayList<>();
        for (InstrumentState instrument : state.unclaimed) {
            boolean holding = instrument.instrument == null ? instrument.qty != 0 : !instrument.flat();
            if (!holding && instrument.orders.inDoubt() == 0) {
                instrument.unassignedView = null;
                continue;
            }
            LegView old = instrument.unassignedView;
            if (old == null || instrument.viewDirty || old.venueState() != instrument.venue.effective()) {
                instrument.viewDirty = false;
                HedgeStatus status = legKnown(instrument) ? HedgeStatus.NAKED : HedgeStatus.UNKNOWN;
                LegView next = legView(instrument, null, null, null, status);
                instrument.unassignedView = next.equals(old) ? old : next;
            }
            views.add(instrument.unassignedView);
        }
        return views.equals(unassigned) ? unassigned : List.copyOf(views);
    }

    private List<UnderlyingView> byUnderlying() {
        UnderlyingView[] views = new UnderlyingView[state.underlyings.size()];
        int i = 0;
        for (UnderlyingState underlying : state.underlyings.values()) {
            views[i++] = underlying.dirty ? underlying.view() : underlying.view;
        }
        return Arrays.asList(views).equals(byUnderlying) ? byUnderlying : List.of(views);
    }

    private Map<VenueId, VenueView> venues() {
        Map<VenueId, VenueView> views = new LinkedHashMap<>();
        for (VenueState venue : state.venues.values()) {
            if (venue.viewDirty || venue.view == null) {
                venue.viewDirty = false;
                venue.view = new VenueView(venue.id, venue.effective(), venue.effectiveDetail(), venue.lastMessageMs,
                        venue.lastError, venue.errorCount);
            }
            views.put(venue.id, venue.view);
        }
        return Map.copyOf(views);
    }
}
