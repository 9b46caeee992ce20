package io.legwatch.engine;

/** Net delta per underlying over every venue, whether or not strategies claim the positions. */
public record UnderlyingView(String underlying, double netBaseDelta, double netUsd, double grossUsd,
                             boolean complete) {
}
