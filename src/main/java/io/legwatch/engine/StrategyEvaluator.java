package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.InstrumentKind;


/**
 * Decides a strategy's status from its legs' state, per DESIGN.md "Hedge semantics". Precedence:
 * FLATTEN_FAILED > FLATTENING > UNKNOWN > FLAT > NAKED/LEGGING/HEDGED.
 * <ul>
 *   <li>UNKNOWN when any leg's venue is untrusted or has not sent a snapshot since (re)connecting, or
 *       any leg's exposure (or an in-doubt order's) cannot be computed: never HEDGED or FLAT then.</li>
 *   <li>FLAT when every leg is confirmed flat and has no order in doubt.</li>
 *   <li>Otherwise the tolerance is tested in the worst case over in-doubt orders; out of tolerance for
 *       less than the grace is LEGGING, for at least the grace NAKED.</li>
 * </ul>
 * Engine thread only (reuses scratch space).
 */
final class StrategyEvaluator {
    private final InDoubtWorstCase worstCase = new InDoubtWorstCase();
    private double[] legUsd = new double[8];

    /** Re-decides {@code s} at {@code nowMs}; returns the transition when its status changed, else null. */
    StatusTransition evaluate(StrategyState s, long nowMs) {
        InstrumentState[] legs = s.legs;
        if (legUsd.length < legs.length) {
            legUsd = new double[legs.length];
        }
        worstCase.reset();
        StatusReason.Cause unknown = null;
        String subject = "";
        ConnectionState subjectState = null;
        double net = 0;
        double gross = 0;
        boolean allFlat = true;
        for (int i = 0; i < legs.length && unknown == null; i++) {
            InstrumentState leg = legs[i];
            VenueState venue = leg.venue;
            if (!venue.trusted()) {
                unknown = StatusReason.Cause.VENUE_UNTRUSTED;
                subject = venue.idText;
                subjectState = venue.effective();
            } else if (!venue.synced) {
                unknown = StatusReason.Cause.NO_SNAPSHOT;
                subject = venue.idText;
            } else if (leg.instrument == null) {
                unknown = StatusReason.Cause.NOT_DESCRIBED;
                subject = leg.keyText;
            } else {
                double usd = leg.usd();
                if (Double.isNaN(usd)) {
                    unknown = leg.instrument.kind() == InstrumentKind.OPTION && Double.isNaN(leg.baseDelta())
                            ? StatusReason.Cause.NO_DELTA : StatusReason.Cause.NO_PRICE;
                    subject = leg.keyText;
                    continue;
                }
                legUsd[i] = usd;
                net += usd;
                gross += Math.abs(usd);
                if (leg.orders.inDoubt() > 0) {
                    allFlat = false;
                    // All in-doubt orders on one side of one leg fill together in the worst case.
                    double buys = leg.usdIfFilled(leg.orders.inDoubtBuyQty());
                    double sells = leg.usdIfFilled(-leg.orders.inDoubtSellQty());
                    // Infinite too: with infinite USD the worst-case excess is Infinity - Infinity = NaN, never "> 0".
                    if (!Double.isFinite(buys) || !Double.isFinite(sells)) {
                        unknown = StatusReason.Cause.ORDER_DELTA_UNKNOWN;
                        subject = leg.keyText;
                        continue;
                    }
                    worstCase.add(i, buys);
                    worstCase.add(i, sells);
                } else if (!leg.flat()) {
                    allFlat = false;
                }
            }
        }

        boolean out = false;
        boolean outNow = false;
        if (unknown == null) {
            s.netUsd = net;
            s.grossUsd = gross;
            s.allowedUsd = s.strategy.tolerance().allowedUsd(gross);
            outNow = Math.abs(net) > s.allowedUsd;
            out = outNow || (worstCase.count() > 0
                    && worstCase.worstExcess(s.strategy.tolerance(), legUsd, legs.length) > 0);
            if (allFlat || !out) {
                s.outSinceMs = 0;
            } else if (s.outSinceMs == 0) {
                s.outSinceMs = nowMs;
            }
        } else {
            s.netUsd = Double.NaN;
            s.grossUsd = Double.NaN;
            s.allowedUsd = Double.NaN;
        }

        HedgeStatus next;
        StatusReason.Cause cause;
        if (s.flatten == StrategyState.Flatten.FAILED) {
            next = HedgeStatus.FLATTEN_FAILED;
            cause = StatusReason.Cause.FLATTEN_FAILED;
            subject = s.flattenDetail;
            subjectState = null;
        } else if (s.flatten == StrategyState.Flatten.WORKING) {
            next = HedgeStatus.FLATTENING;
            cause = StatusReason.Cause.FLATTENING;
            subject = "";
            subjectState = null;
        } else if (unknown != null) {
            next = HedgeStatus.UNKNOWN;
            cause = unknown;
        } else if (allFlat) {
            next = HedgeStatus.FLAT;
            cause = StatusReason.Cause.FLAT;
        } else if (out) {
            next = nowMs - s.outSinceMs >= s.graceMs ? HedgeStatus.NAKED : HedgeStatus.LEGGING;
            cause = outNow ? StatusReason.Cause.OUT : StatusReason.Cause.OUT_IF_IN_DOUBT;
        } else {
            next = HedgeStatus.HEDGED;
            cause = StatusReason.Cause.WITHIN;
        }

        HedgeStatus previous = s.status;
        boolean statusChanged = next != previous;
        if (StatusReason.changed(s, cause, subject, subjectState, statusChanged)) {
            s.status = next;
            s.cause = cause;
            s.subject = subject;
            s.subjectState = subjectState;
            s.reason = StatusReason.describe(s);
        }
        if (!statusChanged) {
            return null;
        }
        return new StatusTransition(s.id(), previous, next, nowMs, s.netUsd, s.reason);
    }
}
