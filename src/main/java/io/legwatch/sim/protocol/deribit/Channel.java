package io.legwatch.sim.protocol.deribit;

import io.legwatch.domain.Instrument;

import java.util.Optional;
import java.util.Set;

/**
 * One parsed Deribit user channel name: {@code user.changes|orders|trades.(kind.currency|instrument).interval}
 * , {@code user.portfolio.currency} or {@code ticker.instrument.interval}.
 */
record Channel(String name, String stream, String kind, String currency, String instrument, String interval) {
    private static final Set<String> KINDS = Set.of("future", "option", "spot", "future_combo", "option_combo", "combo", "any");
    private static final Set<String> INTERVALS = Set.of("raw", "100ms", "agg2");

    static Optional<Channel> parse(String name) {
        String[] p = name.split("\\.");
        if (p.length == 3 && p[0].equals("ticker") && INTERVALS.contains(p[2])) {
            return Optional.of(new Channel(name, "ticker", null, null, p[1], p[2]));
        }
        if (p.length < 3 || !p[0].equals("user")) {
            return Optional.empty();
        }
        String stream = p[1];
        if (stream.equals("portfolio") && p.length == 3) {
            return Optional.of(new Channel(name, stream, "any", p[2], null, "raw"));
        }
        if (!Set.of("changes", "orders", "trades").contains(stream)) {
            return Optional.empty();
        }
        if (p.length == 5 && KINDS.contains(p[2]) && INTERVALS.contains(p[4])) {
            return Optional.of(new Channel(name, stream, p[2], p[3], null, p[4]));
        }
        if (p.length == 4 && INTERVALS.contains(p[3])) {
            return Optional.of(new Channel(name, stream, null, null, p[2], p[3]));
        }
        return Optional.empty();
    }

    boolean raw() {
        return "raw".equals(interval);
    }

    boolean covers(Instrument i) {
        if (instrument != null) {
            return instrument.equals(i.symbol());
        }
        boolean kindOk = "any".equals(kind) || kind.equals(DeribitPayloads.kind(i));
        return kindOk && DeribitPayloads.inCurrency(i, currency);
    }
}
