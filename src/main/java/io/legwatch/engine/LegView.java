package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Exposure;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Side;

/**
 * One leg (or one unassigned position) in a published snapshot. Immutable; the engine reuses the
 * same instance while nothing about the leg changed, so a view can diff by reference.
 *
 * @param legId          the configured leg id, or null for an unassigned position
 * @param strategyId     owning strategy id, or null when unassigned
 * @param kind           instrument kind, or null while the venue has not described the instrument
 * @param intendedSide   the side the strategy meant to hold, or null when unassigned
 * @param qty            signed venue quantity as last reported (0 when unknown, see {@code positionKnown})
 * @param positionKnown  false until the venue has reported this instrument, or while its venue is untrusted
 * @param exposure       base delta and USD; UNKNOWN when it cannot be computed
 * @param status         this leg's status (the strategy's status, or UNKNOWN for a leg on an untrusted venue)
 * @param lastUpdateMs   wall time of the last venue message about this leg, 0 if none
 * @param openOrders     open orders on the instrument
 * @param ordersInDoubt  orders whose outcome is unknown (counted as possibly filled)
 */
public record LegView(String legId, String strategyId, InstrumentKey instrument, InstrumentKind kind,
                      Side intendedSide, double qty, boolean positionKnown, double markPrice, Exposure exposure,
                      HedgeStatus status, ConnectionState venueState, long lastUpdateMs, int openOrders,
                      int ordersInDoubt) {
}
