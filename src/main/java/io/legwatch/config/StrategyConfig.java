package io.legwatch.config;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Leg;
import io.legwatch.domain.Side;
import io.legwatch.domain.Strategy;
import io.legwatch.domain.Tolerance;
import io.legwatch.domain.VenueId;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One strategy (hedge group) from the config file: its legs, tolerance and auto-flatten policy. */
public record StrategyConfig(String id, String name, List<LegConfig> legs, Tolerance tolerance,
                             AutoFlattenPolicy autoFlatten) {

    /**
     * @param side  the side the trader intends to hold (BUY = long, SELL = short)
     * @param ratio target ratio within the strategy; informational, hedge status is decided by net delta
     */
    public record LegConfig(String id, VenueId venue, String symbol, Side side, double ratio) {
        public InstrumentKey instrument() {
            return new InstrumentKey(venue, symbol);
        }
    }

    /**
     * When Legwatch flattens this strategy on its own.
     *
     * @param enabled      armed at start (the UI shows it and can disarm it)
     * @param thresholdUsd flatten when |net USD delta| exceeds this ...
     * @param grace        ... for longer than this
     * @param debounce     minimum time between two automatic actions on the strategy
     * @param maxAttempts  flatten attempts before FLATTEN_FAILED asks the human
     */
    public record AutoFlattenPolicy(boolean enabled, double thresholdUsd, Duration grace, Duration debounce,
                                    int maxAttempts) {
        public static final AutoFlattenPolicy DISARMED =
                new AutoFlattenPolicy(false, 5_000, Duration.ofSeconds(10), Duration.ofSeconds(5), 3);
    }

    public StrategyConfig {
        Objects.requireNonNull(id, "id");
        legs = List.copyOf(legs);
        name = name == null ? id : name;
        tolerance = tolerance == null ? Tolerance.DEFAULT : tolerance;
        autoFlatten = autoFlatten == null ? AutoFlattenPolicy.DISARMED : autoFlatten;
    }

    /** The domain strategy the engine monitors. */
    public Strategy toStrategy() {
        return new Strategy(id, name, legs.stream()
                .map(l -> new Leg(l.id(), l.instrument(), l.side(), l.ratio()))
                .toList(), tolerance);
    }
}
