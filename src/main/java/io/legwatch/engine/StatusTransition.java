package io.legwatch.engine;

import io.legwatch.domain.HedgeStatus;

import java.util.Objects;

/**
 * One strategy's status changed.
 *
 * @param atMs   engine clock when the engine decided the new status
 * @param netUsd the strategy's net USD delta at that moment (NaN while any leg is unknown)
 * @param reason the new status's reason line, as in {@link StrategyView#reason()}
 */
public record StatusTransition(String strategyId, HedgeStatus from, HedgeStatus to, long atMs, double netUsd,
                               String reason) {
    public StatusTransition {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
