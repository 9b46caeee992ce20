package io.legwatch.engine;

/** What the flatten service and the trader tell the engine, queued in order with venue events. */
sealed interface ControlCommand {
    String strategyId();

    record FlattenStarted(String strategyId) implements ControlCommand {
    }

    record FlattenFinished(String strategyId, boolean verifiedFlat, String detail) implements ControlCommand {
    }

    record ClearFailure(String strategyId) implements ControlCommand {
    }
}
