package io.legwatch.domain;

/** A strategy's hedge status; DESIGN.md "Hedge semantics" defines each. */
public enum HedgeStatus {
    /** Net USD delta within tolerance. */
    HEDGED,
    /** Out of tolerance for less than the grace period. */
    LEGGING,
    /** Out of tolerance past the grace period: naked directional exposure. */
    NAKED,
    /** A leg's venue is disconnected, stale or its position query failed: never treated as flat. */
    UNKNOWN,
    /** A flatten is working. */
    FLATTENING,
    /** Every leg confirmed zero by its venue. */
    FLAT,
    /** The flatten ladder ran out: a human must act. */
    FLATTEN_FAILED;

    /** Statuses the trader must look at now. */
    public boolean alarming() {
        return this == NAKED || this == FLATTEN_FAILED;
    }
}
