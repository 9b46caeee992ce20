package io.legwatch.domain;

public enum OrderType {
    MARKET,
    /** Limit, immediate-or-cancel: fills what it can at the price or better, cancels the rest. */
    LIMIT_IOC,
    /** Resting limit order (good till cancelled). */
    LIMIT
}
