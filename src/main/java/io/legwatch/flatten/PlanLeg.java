package io.legwatch.flatten;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.OrderType;
import io.legwatch.domain.Side;

import java.util.Objects;

/**
 * One instrument a plan acts on, as the confirm dialog shows it.
 *
 * @param index          position in the plan; part of every client order id sent for this leg
 * @param strategyId     owning strategy, or null for a position no strategy claims
 * @param legId          configured leg id, or null when unassigned
 * @param side           the reducing side, or null when the snapshot shows the leg flat or unknown
 * @param qty            unsigned quantity the snapshot shows, NaN when unknown. Orders are always
 *                       sized from a fresh venue read, so the venue may see a different quantity
 * @param firstOrderType LIMIT_IOC (with pay-up from the mark), or MARKET when no mark is known;
 *                       null when the plan sends no order for this leg (HALT, CANCEL)
 * @param reduceOnly     always true for flatten orders: a flatten can never flip a position
 */
public record PlanLeg(int index, String strategyId, String legId, InstrumentKey instrument, Side side, double qty,
                      OrderType firstOrderType, boolean reduceOnly, double markPrice, boolean positionKnown,
                      int openOrders, ConnectionState venueState) {
    public PlanLeg {
        Objects.requireNonNull(instrument, "instrument");
    }

    /** The line the confirm dialog shows for this leg. */
    public String describe(KillMode mode) {
        String owner = strategyId == null ? "unassigned" : strategyId + "/" + legId;
        String head = instrument.venue() + " " + instrument.symbol() + " (" + owner + ")";
        String cancel = "cancel " + openOrders + " open order(s)";
        if (mode == KillMode.HALT) {
            return head + ": halt new risk-increasing orders";
        }
        if (mode == KillMode.CANCEL) {
            return head + ": " + cancel;
        }
        if (!positionKnown) {
            return head + ": " + cancel + "; position unknown (venue " + venueState
                    + ") - read from venue, then reduce-only to zero";
        }
        if (side == null) {
            return head + ": " + cancel + "; position already flat - verify zero at venue";
        }
        return head + ": " + cancel + "; " + side + " " + fmt(qty) + " "
                + (firstOrderType == OrderType.LIMIT_IOC ? "LIMIT_IOC from mark " + fmt(markPrice) : "MARKET")
                + " reduce-only=" + reduceOnly + ", then escalate";
    }

    private static String fmt(double v) {
        return LegLadder.fmt(v);
    }
}
