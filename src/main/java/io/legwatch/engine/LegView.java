package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.Exposure;
import io.legwatch.domain.Fill;
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
 * @param markPrice      newest mark price (from the position or a price update), NaN when none
 * @param exposure       base delta and USD; UNKNOWN when it cannot be computed
 * @param status         this leg's status: the strategy's status, or UNKNOWN for a leg whose own exposure is
 *                       unknown (untrusted venue, no snapshot, undescribed instrument, no price/delta).
 *                       An unassigned position is NAKED when known and non-zero (nothing hedges it), else UNKNOWN
 * @param venueState     the venue's connection state (STALE when the engine found it silent)
 * @param lastUpdateMs   wall time of the last venue message about this leg, 0 if none
 * @param openOrders     open orders on the instrument
 * @param ordersInDoubt  orders whose outcome is unknown (counted as possibly filled)
 * @param fills          fills seen on the instrument since start (positions stay authoritative)
 * @param lastFill       the newest fill, or null
 */
public record LegView(String legId, String strategyId, InstrumentKey instrument, InstrumentKind kind,
                      Side intendedSide, double qty, boolean positionKnown, double markPrice, Exposure exposure,
                      HedgeStatus status, ConnectionState venueState, long lastUpdateMs, int openOrders,
                      int ordersInDoubt, long fills, Fill lastFill) {

    /** The original shape, without fill information (0 fills, no last fill). */
    public LegView(String legId, String strategyId, InstrumentKey instrument, InstrumentKind kind,
                   Side intendedSide, double qty, boolean positionKnown, double markPrice, Exposure exposure,
                   HedgeStatus status, ConnectionState venueState, long lastUpdateMs, int openOrders,
                   int ordersInDoubt) {
        this(legId, strategyId, instrument, kind, intendedSide, qty, positionKnown, markPrice, exposure, status,
                venueState, lastUpdateMs, openOrders, ordersInDoubt, 0, null);
    }
}
