package io.legwatch.flatten;

import io.legwatch.engine.SnapshotListener;
import io.legwatch.engine.TransitionListener;
import io.legwatch.journal.IncidentLog;

import java.util.function.Consumer;

/**
 * Feeds the {@link IncidentLog}: engine transitions ({@code monitor.addTransitionListener(transitions(log))}),
 * exposure per snapshot ({@code monitor.addSnapshotListener(exposures(log))}) and finished kill actions
 * ({@code KillSwitch.builder().resultListener(into(log))}).
 */
public final class IncidentFeed {
    private IncidentFeed() {
    }

    /** The engine's status transitions into the incident log (journaled there, off the engine thread). */
    public static TransitionListener transitions(IncidentLog log) {
        return t -> log.onTransition(t.strategyId(), t.from(), t.to(), t.atMs(), t.netUsd(), t.reason());
    }

    /** Net USD of every strategy per snapshot, so an incident's peak exposure is right between transitions. */
    public static SnapshotListener exposures(IncidentLog log) {
        return snapshot -> snapshot.strategies().forEach(s -> log.onExposure(s.id(), s.netUsd()));
    }

    /** Finished kill actions into the incident log: what fired them, receipts, time to flat. */
    public static Consumer<KillResult> into(IncidentLog log) {
        return r -> {
            double ttf = r.receipts().stream().mapToDouble(KillReceipt::timeToFlatMs).max().orElse(Double.NaN);
            var lines = r.receipts().stream().map(KillReceipt::summary).toList();
            for (String strategy : r.plan().strategyIds()) {
                log.onFlattenFinished(strategy, r.plan().flattenId(), r.firedBy(),
                        r.outcome() == KillResult.Outcome.VERIFIED_FLAT, ttf, lines);
            }
        };
    }
}
