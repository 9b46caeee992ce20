package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;

/** The one line telling the trader why a strategy has its status. */
final class StatusReason {
    /** Why the status is what it is; the first unknown leg (in configuration order) names the cause. */
    enum Cause {
        /** A leg's venue is CONNECTING, STALE or DOWN. */
        VENUE_UNTRUSTED,
        /** A leg's venue is connected but has not sent a full position snapshot since it (re)connected. */
        NO_SNAPSHOT,
        /** The venue never described a leg's instrument (kind, contract size). */
        NOT_DESCRIBED,
        /** No mark price for a leg, so its USD delta cannot be computed. */
        NO_PRICE,
        /** An option leg without a venue-reported delta. */
        NO_DELTA,
        /** An in-doubt order whose delta cannot be computed. */
        ORDER_DELTA_UNKNOWN,
        FLAT,
        WITHIN,
        /** Out of tolerance on reported positions. */
        OUT,
        /** Within tolerance on reported positions, out if some in-doubt orders filled. */
        OUT_IF_IN_DOUBT,
        FLATTENING,
        FLATTEN_FAILED
    }

    private StatusReason() {
    }

    static String describe(StrategyState s) {
        String subject = s.subject;
        return switch (s.cause) {
            case VENUE_UNTRUSTED -> "venue " + subject + " is " + s.subjectState + ": positions unknown";
            case NO_SNAPSHOT -> "waiting for a position snapshot from " + subject;
            case NOT_DESCRIBED -> subject + " not described by its venue";
            case NO_PRICE -> "no mark price for " + subject;
            case NO_DELTA -> "no venue delta for option " + subject;
            case ORDER_DELTA_UNKNOWN -> "order in doubt on " + subject + " with no computable delta";
            case FLAT -> "every leg confirmed flat by its venue";
            case WITHIN -> "net USD delta within tolerance";
            case OUT -> s.status == HedgeStatus.NAKED ? s.outReasons[1] : s.outReasons[0];
            case OUT_IF_IN_DOUBT -> s.status == HedgeStatus.NAKED ? s.outReasons[3] : s.outReasons[2];
            case FLATTENING -> "flatten working";
            case FLATTEN_FAILED -> "flatten failed" + (subject.isEmpty() ? "" : ": " + subject)
                    + "; acknowledge to clear";
        };
    }

    /** The out-of-tolerance reasons of a strategy, built once: LEGGING, NAKED, then the same if orders in doubt filled. */
    static String[] outOfToleranceReasons(long graceMs) {
        String out = "net USD delta out of tolerance";
        String ifFilled = "orders in doubt could put net USD delta out of tolerance";
        String within = " within the " + graceMs + " ms grace";
        String past = " past the " + graceMs + " ms grace";
        return new String[] {out + within, out + past, ifFilled + within, ifFilled + past};
    }

    /** True when the reason must be rebuilt because the cause, its subject or the status changed. */
    static boolean changed(StrategyState s, Cause cause, String subject, ConnectionState subjectState,
                           boolean statusChanged) {
        return statusChanged || s.cause != cause || !subject.equals(s.subject) || s.subjectState != subjectState;
    }
}
