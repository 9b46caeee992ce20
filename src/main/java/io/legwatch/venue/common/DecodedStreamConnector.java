package io.legwatch.venue.common;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.net.Backoff;
import io.legwatch.venue.net.StreamingConnector;
import io.legwatch.venue.net.WsSessionConfig;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link StreamingConnector} whose venue decoder turns each frame into events (errors included)
 * and whose REST API can fetch a complete snapshot: the part Bybit and OKX connectors share. The
 * venue subclass decodes, answers its control requests, then hands the events to {@link #dispatch}.
 */
public abstract class DecodedStreamConnector extends StreamingConnector {
    private final VenueId venue;
    private final TimeSource time;

    protected DecodedStreamConnector(VenueId venue, WsSessionConfig config, OkHttpClient http, Backoff backoff,
                                     TimeSource time, Duration pollInterval) {
        super(venue, config, http, backoff, time, pollInterval);
        this.venue = venue;
        this.time = time;
    }

    /**
     * Emits a frame's decoded events. A malformed frame is counted, logged and reported with its
     * (redacted) text; a topic/channel we did not subscribe to is counted as unknown and reported;
     * other errors are reported as they are.
     */
    protected final void dispatch(List<VenueEvent> events, String text, long recvNanos) {
        for (VenueEvent e : events) {
            if (e instanceof VenueEvent.ErrorReport r) {
                if (r.error().kind() == VenueError.Kind.MALFORMED) {
                    reportMalformed(r.error().message(), text, recvNanos);
                } else {
                    if (r.error().kind() == VenueError.Kind.UNSUPPORTED) {
                        counters().unknown(); // a topic/channel we did not subscribe to
                    }
                    reportError(r.error(), recvNanos);
                }
            } else {
                emit(e);
            }
        }
    }

    @Override
    protected boolean hasRestFallback() {
        return true;
    }

    /** Instruments, positions and open orders fetched in parallel over REST. */
    @Override
    protected CompletableFuture<VenueEvent.Snapshot> pollSnapshot() {
        CompletableFuture<List<Instrument>> instruments = instruments();
        CompletableFuture<List<Position>> positions = fetchPositions();
        CompletableFuture<List<Order>> orders = fetchOpenOrders();
        return CompletableFuture.allOf(instruments, positions, orders).thenApply(x -> new VenueEvent.Snapshot(
                venue, instruments.join(), positions.join(), orders.join(), time.millis(), System.nanoTime()));
    }
}
