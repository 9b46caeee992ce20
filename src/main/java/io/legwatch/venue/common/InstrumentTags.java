package io.legwatch.venue.common;

import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What an order on a symbol must name besides the symbol (Bybit's category, OKX's instType),
 * learned from the venue's instrument lists. Thread-safe.
 */
public final class InstrumentTags {
    private final VenueId venue;
    private final Map<String, String> tags = new ConcurrentHashMap<>();

    public InstrumentTags(VenueId venue) {
        this.venue = venue;
    }

    public void put(String symbol, String tag) {
        tags.put(symbol, tag);
    }

    /**
     * The instrument's tag. An instrument of another venue is refused; one not seen yet reloads the
     * instrument lists once and is refused when it is still unknown.
     */
    public CompletableFuture<String> of(InstrumentKey instrument, Supplier<? extends CompletableFuture<?>> reload) {
        if (!instrument.venue().equals(venue)) {
            return CompletableFuture.failedFuture(new VenueException(new VenueError(venue,
                    VenueError.Kind.REJECTED, null, instrument + " is not on " + venue)));
        }
        String known = tags.get(instrument.symbol());
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return reload.get().thenApply(list -> {
            String t = tags.get(instrument.symbol());
            if (t == null) {
                throw new VenueException(new VenueError(venue, VenueError.Kind.REJECTED, null,
                        "unknown instrument " + instrument.symbol()));
            }
            return t;
        });
    }
}
