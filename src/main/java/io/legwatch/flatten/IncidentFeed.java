package io.legwatch.flatten;

import io.legwatch.journal.IncidentLog;

import java.util.function.Consumer;

/** Feeds finished kill actions into the {@link IncidentLog} (wire with {@link KillSwitch.Builder#resultListener}). */
public final class IncidentFeed {
    private IncidentFeed() {
    }

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
