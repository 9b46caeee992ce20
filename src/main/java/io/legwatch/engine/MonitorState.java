package io.legwatch.engine;

import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.VenueId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's mutable model: strategies, venues, instruments, underlyings, plus the bookkeeping
 * of what changed since the last publish, so only touched strategies are re-evaluated and rebuilt.
 * Engine thread only.
 */
final class MonitorState {
    final MonitorSettings settings;
    final StrategyState[] strategies;
    final Map<String, StrategyState> strategiesById = new HashMap<>();
    final Map<VenueId, VenueState> venues = new LinkedHashMap<>();
    final Map<InstrumentKey, InstrumentState> instruments = new HashMap<>();
    final Map<String, UnderlyingState> underlyings = new TreeMap<>();
    /** Instruments no leg claims, in the order first seen. */
    final List<InstrumentState> unclaimed = new ArrayList<>();

    private final StrategyEvaluator evaluator = new StrategyEvaluator();
    /** Status changes since the last publish, delivered to listeners after it. */
    final List<StatusTransition> transitions = new ArrayList<>();
    final List<StrategyState> dirtyStrategies = new ArrayList<>();
    /** LEGGING strategies: the tick re-evaluates them so grace expiry turns them NAKED without input. */
    private final List<StrategyState> timed = new ArrayList<>();

    boolean venuesDirty = true;
    boolean unassignedDirty = true;
    boolean underlyingsDirty = true;
    /** Anything published may differ from the last snapshot. */
    boolean changed = true;
    long lastEventRecvNanos;

    MonitorState(List<Strategy> config, MonitorSettings settings) {
        LegClaims.validate(config);
        this.settings = settings;
        this.strategies = new StrategyState[config.size()];
        for (int s = 0; s < config.size(); s++) {
            Strategy strategy = config.get(s);
            List<Leg> legs = strategy.legs();
            InstrumentState[] legStates = new InstrumentState[legs.size()];
            StrategyState state = new StrategyState(strategy, s, legStates);
            for (int l = 0; l < legs.size(); l++) {
                InstrumentKey key = legs.get(l).instrument();
                VenueState venue = venue(key.venue());
                InstrumentState instrument = new InstrumentState(key, venue, state, l);
                legStates[l] = instrument;
                instruments.put(key, instrument);
                venue.instruments.add(instrument);
                venue.addStrategy(state);
            }
            strategies[s] = state;
            strategiesById.put(strategy.id(), state);
            markDirty(state);
        }
    }

    /** The venue's state, created (CONNECTING, never heard) on first mention. */
    VenueState venue(VenueId id) {
        VenueState venue = venues.get(id);
        if (venue == null) {
            venue = new VenueState(id, settings.staleAfter(id).toMillis());
            venues.put(id, venue);
            venuesDirty = true;
            changed = true;
        }
        return venue;
    }

    /** The instrument's state, created as unassigned on first mention. */
    InstrumentState instrument(InstrumentKey key) {
        InstrumentState instrument = instruments.get(key);
        if (instrument == null) {
            VenueState venue = venue(key.venue());
            instrument = new InstrumentState(key, venue, null, -1);
            instruments.put(key, instrument);
            venue.instruments.add(instrument);
            unclaimed.add(instrument);
        }
        return instrument;
    }

    /** Records the venue's description of an instrument and files it under its underlying. */
    void describe(InstrumentState state, Instrument instrument) {
        if (state.underlying != null && !state.underlying.name.equals(instrument.underlying())) {
            state.underlying.leave(state);
            state.underlying = null;
        }
        state.instrument = instrument;
        if (state.underlying == null) {
            state.underlying = underlyings.computeIfAbsent(instrument.underlying(), UnderlyingState::new);
            state.underlying.join(state);
        } else {
            state.underlying.invalidate();
        }
        underlyingsDirty = true;
    }

    /** The venue's link was heard from: refresh its clock and lift an engine-detected staleness. */
    void heard(VenueState venue, long nowMs) {
        venue.lastMessageMs = nowMs;
        venue.viewDirty = true;
        venuesDirty = true;
        changed = true;
        if (venue.stale) {
            venue.stale = false;
            venueChanged(venue, nowMs);
        }
    }

    /** Something about one instrument changed: re-decide its strategy, or mark the unassigned list. */
    void instrumentChanged(InstrumentState instrument, long nowMs) {
        instrument.viewDirty = true;
        changed = true;
        if (instrument.underlying != null) {
            instrument.underlying.refresh(instrument);
            underlyingsDirty = true;
        }
        if (instrument.owner != null) {
            evaluate(instrument.owner, nowMs);
        } else {
            unassignedDirty = true;
        }
    }

    /** Something shown about one instrument changed that cannot move any delta (a fill record). */
    void instrumentViewChanged(InstrumentState instrument) {
        instrument.viewDirty = true;
        changed = true;
        if (instrument.owner != null) {
            markDirty(instrument.owner);
        } else {
            unassignedDirty = true;
        }
    }

    /** The venue's trust or positions changed as a whole: every instrument and strategy on it is touched. */
    void venueChanged(VenueState venue, long nowMs) {
        venue.viewDirty = true;
        venuesDirty = true;
        unassignedDirty = true;
        underlyingsDirty = true;
        changed = true;
        for (int i = 0; i < venue.instruments.size(); i++) {
            InstrumentState instrument = venue.instruments.get(i);
            instrument.viewDirty = true;
            if (instrument.underlying != null) {
                instrument.underlying.invalidate();
            }
        }
        for (int i = 0; i < venue.strategies.size(); i++) {
            evaluate(venue.strategies.get(i), nowMs);
        }
    }

    void evaluate(StrategyState strategy, long nowMs) {
        StatusTransition transition = evaluator.evaluate(strategy, nowMs);
        markDirty(strategy);
        if (transition != null) {
            transitions.add(transition);
            if (transition.to() == HedgeStatus.LEGGING && !strategy.timed) {
                strategy.timed = true;
                timed.add(strategy);
            }
        }
    }

    /** Advances timers to {@code nowMs}: venue staleness and grace expiry. */
    void tick(long nowMs) {
        for (VenueState venue : venues.values()) {
            if (!venue.stale && venue.reported.trusted() && nowMs - venue.lastMessageMs > venue.staleAfterMs) {
                venue.stale = true;
                venueChanged(venue, nowMs);
            }
        }
        for (int i = timed.size() - 1; i >= 0; i--) {
            StrategyState strategy = timed.get(i);
            if (strategy.status == HedgeStatus.LEGGING) {
                evaluate(strategy, nowMs);
            }
            if (strategy.status != HedgeStatus.LEGGING) {
                strategy.timed = false;
                timed.remove(i);
            }
        }
    }

    void markDirty(StrategyState strategy) {
        changed = true;
        if (!strategy.dirty) {
            strategy.dirty = true;
            dirtyStrategies.add(strategy);
        }
    }
}
