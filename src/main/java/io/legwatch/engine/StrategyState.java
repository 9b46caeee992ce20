package io.legwatch.engine;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.HedgeStatus;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Strategy;

/** One configured strategy's mutable state: its legs, decided status, flatten latch, last views. */
final class StrategyState {
    /** Where a flatten of this strategy stands, as reported by the flatten service. */
    enum Flatten { NONE, WORKING, FAILED }

    final Strategy strategy;
    final int index;
    final Leg[] legDefs;
    final InstrumentState[] legs;
    final long graceMs;
    final String[] outReasons;

    HedgeStatus status = HedgeStatus.UNKNOWN;
    StatusReason.Cause cause = StatusReason.Cause.NO_SNAPSHOT;
    /** The venue id, instrument or flatten detail the cause is about; compared by reference to skip rebuilding the reason. */
    String subject = "";
    ConnectionState subjectState;
    String reason;

    /** When the strategy left tolerance, 0 while within it (kept while UNKNOWN: we cannot tell it came back). */
    long outSinceMs;
    double netUsd = Double.NaN;
    double grossUsd = Double.NaN;
    double allowedUsd = Double.NaN;

    Flatten flatten = Flatten.NONE;
    String flattenDetail = "";

    /** In the engine's list of LEGGING strategies whose grace expiry the tick checks. */
    boolean timed;
    /** Queued for a view rebuild at the next publish. */
    boolean dirty;
    final LegView[] legViews;
    StrategyView view;

    StrategyState(Strategy strategy, int index, InstrumentState[] legs) {
        this.strategy = strategy;
        this.index = index;
        this.legDefs = strategy.legs().toArray(new Leg[0]);
        this.legs = legs;
        this.graceMs = strategy.tolerance().grace().toMillis();
        this.outReasons = StatusReason.outOfToleranceReasons(graceMs);
        this.legViews = new LegView[legs.length];
        this.reason = StatusReason.describe(this);
    }

    String id() {
        return strategy.id();
    }
}
