package io.legwatch.flatten;

/** Where one leg's kill action is. */
public enum LegPhase {
    QUEUED,
    CANCELLING,
    /** Re-reading position and orders from the venue. */
    READING,
    /** An order is being handed to the venue's gateway. */
    SENDING,
    /** An order is out, awaiting the venue's answer; {@link LegProgress#attempt()} says which rung. */
    ORDERING,
    /** The venue does not answer; the work waits and retries (shown as pending). */
    WAITING_FOR_VENUE,
    BACKING_OFF,
    /** Verified by a fresh venue read: position zero and no open orders. */
    FLAT,
    /** CANCEL mode: verified by a fresh venue read that no open orders remain. */
    CANCELLED,
    /** HALT mode: new risk-increasing orders are blocked. */
    HALTED,
    /** The ladder ran out: a human must act. */
    FAILED,
    /** The trader abandoned the work. */
    ABANDONED;

    public boolean finished() {
        return this == FLAT || this == CANCELLED || this == HALTED || this == FAILED || this == ABANDONED;
    }
}
