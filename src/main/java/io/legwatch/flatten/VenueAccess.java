package io.legwatch.flatten;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.OrderGateway;
import io.legwatch.venue.VenueConnector;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One venue as the flatten service uses it: the order path (halt-gated), fresh reads that many legs
 * share, and the instrument list (for lot sizes, hence what "flat" means).
 *
 * <p>Fresh reads are coalesced: a caller gets a fetch that <em>started after it asked</em>; callers
 * arriving while a fetch is in flight share the next one. 50 legs on one venue cost one pair of
 * fetches per round instead of 50, and nobody is ever answered from data older than its question.
 */
final class VenueAccess {
    private final VenueConnector connector;
    private final Duration timeout;
    private final TimeSource time;
    private CompletableFuture<VenueRead> inFlight;
    private CompletableFuture<VenueRead> queued;
    private volatile Map<String, Instrument> instruments;
    private CompletableFuture<Void> reconnected = new CompletableFuture<>();
    private long reconnects;

    VenueAccess(VenueConnector connector, Duration timeout, TimeSource time) {
        this.connector = connector;
        this.timeout = timeout;
        this.time = time;
    }

    VenueId venue() {
        return connector.venue();
    }

    Optional<OrderGateway> gateway() {
        return connector.orders();
    }

    /** Instruments by symbol if already fetched, else null (no I/O). */
    Map<String, Instrument> cachedInstruments() {
        return instruments;
    }

    /** Instruments by symbol; fetched once, retried on the next call after a failure. */
    CompletableFuture<Map<String, Instrument>> instruments() {
        Map<String, Instrument> known = instruments;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return deadline(connector.instruments()).thenApply(list -> {
            Map<String, Instrument> map = list.stream()
                    .collect(Collectors.toUnmodifiableMap(Instrument::symbol, Function.identity(), (a, b) -> a));
            instruments = map;
            return map;
        });
    }

    /** A read of positions and open orders that started at or after this call. */
    CompletableFuture<VenueRead> freshRead() {
        synchronized (this) {
            if (inFlight != null) {
                if (queued == null) {
                    queued = new CompletableFuture<>();
                }
                return queued;
            }
            inFlight = startRead();
            CompletableFuture<VenueRead> mine = inFlight;
            mine.whenComplete((r, e) -> readDone());
            return mine;
        }
    }

    private void readDone() {
        CompletableFuture<VenueRead> waiting;
        CompletableFuture<VenueRead> next;
        synchronized (this) {
            inFlight = null;
            waiting = queued;
            queued = null;
            if (waiting == null) {
                return;
            }
            next = startRead();
            inFlight = next;
        }
        next.whenComplete((r, e) -> {
            if (e != null) {
                waiting.completeExceptionally(e);
            } else {
                waiting.complete(r);
            }
            readDone();
        });
    }

    private CompletableFuture<VenueRead> startRead() {
        long started = time.nanos();
        CompletableFuture<java.util.List<io.legwatch.domain.Position>> positions;
        CompletableFuture<java.util.List<io.legwatch.domain.Order>> orders;
        try {
            orders = connector.fetchOpenOrders();
            positions = connector.fetchPositions();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return deadline(orders.thenCombine(positions, (o, p) -> new VenueRead(p, o, started)));
    }

    <T> CompletableFuture<T> deadline(CompletableFuture<T> f) {
        // A copy, so the timeout never completes the connector's own future.
        return f.thenApply(Function.identity()).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many times the venue has been seen coming back; read before a call that may fail. */
    synchronized long reconnects() {
        return reconnects;
    }

    /**
     * Completes once the venue has been seen coming back after {@code seen} reconnects: at once if
     * that already happened (while the failing call was out), else at the next reconnect.
     */
    synchronized CompletableFuture<Void> reconnectedSince(long seen) {
        return reconnects != seen ? CompletableFuture.completedFuture(null) : reconnected;
    }

    /** The engine shows the venue trusted again after it was not: queued work retries now. */
    void signalReconnect() {
        CompletableFuture<Void> fire;
        synchronized (this) {
            reconnects++;
            fire = reconnected;
            reconnected = new CompletableFuture<>();
        }
        fire.complete(null);
    }

    VenueException noGateway() {
        return new VenueException(new VenueError(venue(), VenueError.Kind.READ_ONLY, null,
                "monitor-only connector: Legwatch cannot send orders to " + venue()));
    }
}
