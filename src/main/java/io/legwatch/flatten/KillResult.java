package io.legwatch.flatten;

import java.util.List;

/**
 * The end of one kill action, with a receipt per venue.
 *
 * @param journalFailure why the action's records may not be on disk (the action went on
 *                       regardless), or null when every record was written and forced
 */
public record KillResult(FlattenPlan plan, String firedBy, Outcome outcome, List<KillReceipt> receipts,
                         long startedAtMs, long finishedAtMs, String detail, String journalFailure) {
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

    /** A result whose records all reached the journal. */
    public KillResult(FlattenPlan plan, String firedBy, Outcome outcome, List<KillReceipt> receipts,
                      long startedAtMs, long finishedAtMs, String detail) {
        this(plan, firedBy, outcome, receipts, startedAtMs, finishedAtMs, detail, null);
    }

    public KillResult withJournalFailure(String reason) {
        return new KillResult(plan, firedBy, outcome, receipts, startedAtMs, finishedAtMs, detail, reason);
    }

    /** "not recorded in the journal: <reason>" for receipts, or empty when it was recorded. */
    public String journalNote() {
        return journalFailure == null ? "" : "not recorded in the journal: " + journalFailure;
    }

    public boolean verified() {
        return outcome == Outcome.VERIFIED_FLAT || outcome == Outcome.CANCELLED || outcome == Outcome.HALTED;
    }
}
