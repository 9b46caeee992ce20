package io.legwatch.flatten;

/** How far a kill action goes. Each mode includes the ones before it. */
public enum KillMode {
    /** Legwatch sends no new risk-increasing orders in the scope ({@link TradingHalt}). */
    HALT,
    /** HALT, then cancel every open order in the scope, stop/conditional orders included. */
    CANCEL,
    /** CANCEL, then reduce-only orders until every venue reports zero. */
    FLATTEN
}
