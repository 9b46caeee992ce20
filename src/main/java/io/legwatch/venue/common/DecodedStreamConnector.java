package io.legwatch.venue.common;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueException;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.net.Backoff;
import io.legwatch.venue.net.StreamingConnector;
import io.legwatch.venue.net.WsSessionConfig;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link StreamingConnector} whose venue decoder turns each frame into events (errors included)
 * and whose REST API can fetch a complete snapshot: the part Bybit and OKX connectors share. The
 * venue subclass decodes, answers its control requests, then hands the events to {@link #dispatch}.
 */
public abstract class DecodedStreamConnector extends StreamingConnector {
    /** The answer to the stream's authentication request (Bybit's {@code auth}, OKX's {@code login}). */
    protected final ControlAnswer pendingAuth = new ControlAnswer();
    protected final ControlAnswer pendingSubscribe = new ControlAnswer();
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

    /** A lost stream fails whichever control request is still waiting for its answer. */
    @Override
    protected void onStreamLost(String reason) {
        VenueException lost = new VenueException(new VenueError(venue, VenueError.Kind.NETWORK, null, reason));
        pendingAuth.complete(lost);
        pendingSubscribe.complete(lost);
    }

    @Override
    protected boolean hasRestFallback() {
        return true;
    }

    /** Instruments, positions and open orders fetched in parallel over REST. */
    @Override
    protected CompletableFuture<VenueEvent.Snapshot> pollSnapshot() {
        return snapshot(this::fetchPositions, positions -> positions);
    }

    /**
     * Instruments, position rows and open orders fetched in parallel; the rows are netted only once
     * all three have arrived, so a snapshot that fails leaves the venue's live position book as it was.
     * The requests go out in that order (instruments, positions, orders).
     */
    protected final <R> CompletableFuture<VenueEvent.Snapshot> snapshot(Supplier<CompletableFuture<R>> fetchRows,
                                                                         Function<R, List<Position>> net) {
        CompletableFuture<List<Instrument>> instruments = instruments();
        CompletableFuture<R> positionRows = fetchRows.get();
        CompletableFuture<List<Order>> orders = fetchOpenOrders();
        return CompletableFuture.allOf(instruments, positionRows, orders).thenApply(x -> new VenueEvent.Snapshot(
                venue, instruments.join(), net.apply(positionRows.join()), orders.join(), time.millis(),
                System.nanoTime()));
    }

    /** Nets position rows into a book; a row the book cannot read fails the call as MALFORMED. */
    protected final List<Position> net(RowNetting netting) {
        try {
            return netting.net();
        } catch (IOException e) {
            throw new VenueException(new VenueError(venue, VenueError.Kind.MALFORMED, null, e.getMessage()), e);
        }
    }

    /** A venue position book's reset with a set of rows. */
    @FunctionalInterface
    protected interface RowNetting {
        List<Position> net() throws IOException;
    }
}
