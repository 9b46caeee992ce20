package io.legwatch.flatten;

import java.util.List;

/** The end of one kill action, with a receipt per venue. */
public record KillResult(FlattenPlan plan, String firedBy, Outcome outcome, List<KillReceipt> receipts,
                         long startedAtMs, long finishedAtMs, String detail) {
    public enum Outcome {
        /** FLATTEN: every leg verified zero with no open orders. */
        VERIFIED_FLAT,
        /** CANCEL: every instrument verified with no open orders. */
        CANCELLED,
        /** HALT: the gate is closed for the scope. */
        HALTED,
        /** At least one leg could not be verified: FLATTEN_FAILED, alarm raised. */
        FAILED,
        /** The trader stopped the work before it finished. */
        ABANDONED
    }

    public KillResult {
        receipts = List.copyOf(receipts);
    }

    public boolean verified() {
        return outcome == Outcome.VERIFIED_FLAT || outcome == Outcome.CANCELLED || outcome == Outcome.HALTED;
    }
}
