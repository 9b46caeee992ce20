package io.legwatch.venue.net;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueError;
import io.legwatch.domain.VenueEvent;
import io.legwatch.domain.VenueId;
import io.legwatch.venue.VenueConnector;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Skeleton of a streaming venue connector: owns a {@link WsSession} and turns its life into the
 * {@link VenueConnector} contract, so each venue only writes its protocol.
 *
 * <p>What the base guarantees:
 * <ul>
 *   <li>After every (re)connect it calls {@link #resync}; the {@link VenueEvent.Snapshot} it returns is
 *       emitted before any stream event, then {@link ConnectionState#CONNECTED}. Stream events
 *       emitted via {@link #emit} while a resync runs are held back and passed through
 *       {@link #afterSnapshot} once the snapshot is out.</li>
 *   <li>Session states become {@link VenueEvent.StatusChange}s (CONNECTING, CONNECTED, STALE, DOWN).</li>
 *   <li>While the stream is down, if the venue has a REST fallback ({@link #hasRestFallback()}),
 *       positions and orders are polled every {@code pollInterval}; a successful poll reports
 *       {@link ConnectionState#DEGRADED} and emits the polled snapshot. A failed poll reports DOWN.</li>
 *   <li>Malformed messages are counted, logged redacted and reported as {@link VenueEvent.ErrorReport}.</li>
 *   <li>Nothing is emitted after {@link #stop()} returns.</li>
 * </ul>
 * Subclasses implement {@link #resync}, {@link #onText} and the query/order methods of the port.
 * A connector instance is started once.
 */
public abstract class StreamingConnector implements VenueConnector {
    private static final Logger log = LoggerFactory.getLogger(StreamingConnector.class);

    private final VenueId venue;
    private final WsSession session;
    private final Duration pollInterval;
    private final ScheduledExecutorService poller;
    private final MessageCounters counters;
    private final Object emitLock = new Object();

    // guarded by emitLock
    private Consumer<VenueEvent> sink;
    private boolean stopped;
    private boolean resyncing;
    private boolean streamLive;
    private boolean degraded;
    private long epoch;
    private List<VenueEvent> held = new ArrayList<>();
    private ScheduledFuture<?> polling;
    private String downReason = "";
    private boolean pollFailing;

    /**
     * @param pollInterval how often to poll REST while the stream is down (ignored without a REST fallback)
     */
    protected StreamingConnector(VenueId venue, WsSessionConfig config, OkHttpClient http, Backoff backoff,
                                 TimeSource time, Duration pollInterval) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.session = new WsSession(config, http, new SessionHandler(), backoff, time);
        this.counters = session.counters();
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "legwatch-poll-" + config.name());
            t.setDaemon(true);
            return t;
        });
    }

    // ---- what a venue implements ----

    /**
     * A socket just opened: authenticate, subscribe, then fetch positions and open orders and build the
     * snapshot. Called on the session thread; must not block (chain futures). Subscribe before fetching,
     * so nothing that happens in between is lost.
     */
    protected abstract CompletableFuture<VenueEvent.Snapshot> resync(WsSession session);

    /** One inbound text frame (reader thread): parse, then {@link #emit} events or complete pending calls. */
    protected abstract void onText(String text, long recvNanos);

    /** True when {@link #pollSnapshot} is implemented. */
    protected boolean hasRestFallback() {
        return false;
    }

    /**
     * REST fallback used while the stream is down (only called when {@link #hasRestFallback()}). It must fetch
     * positions and open orders completely (it becomes a Snapshot) and fail rather than answer "flat".
     */
    protected CompletableFuture<VenueEvent.Snapshot> pollSnapshot() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no REST fallback"));
    }

    /**
     * Which of the stream events held back during a resync still apply after {@code snapshot}.
     * The default keeps all of them in order (right when the snapshot came over another channel and
     * updates are newer or idempotent). A venue whose snapshot arrives on the stream itself, in order,
     * should drop position/order updates that preceded it and keep fills.
     */
    protected List<VenueEvent> afterSnapshot(VenueEvent.Snapshot snapshot, List<VenueEvent> heldBack) {
        return heldBack;
    }

    /** The stream dropped: fail whatever waits for an answer on it. Session thread. */
    protected void onStreamLost(String reason) {
    }

    /** Called once at the end of {@link #stop()}: release the subclass's own threads and timers. */
    protected void onStopped() {
    }

    // ---- for subclasses ----

    /** Emits a stream event; held back while a resync runs. */
    protected final void emit(VenueEvent event) {
        synchronized (emitLock) {
            if (stopped || sink == null) {
                return;
            }
            if (resyncing) {
                held.add(event);
            } else {
                sink.accept(event);
            }
        }
    }

    /** Reports an error the trader must see, never held back. */
    protected final void reportError(VenueError error, long recvNanos) {
        emitNow(new VenueEvent.ErrorReport(error, 0, recvNanos));
    }

    /** Counts, logs (redacted) and reports a message we could not parse or did not expect. */
    protected final void reportMalformed(String what, String raw, long recvNanos) {
        long n = counters.malformed();
        if (MessageCounters.worthLogging(n)) {
            log.warn("{}: malformed message #{} ({}): {}", venue, n, what, Redactor.redact(raw));
        }
        reportError(new VenueError(venue, VenueError.Kind.MALFORMED, null,
                what + " (" + n + " malformed so far): " + Redactor.redact(raw)), recvNanos);
    }

    protected final WsSession session() {
        return session;
    }

    public final MessageCounters counters() {
        return counters;
    }

    @Override
    public final VenueId venue() {
        return venue;
    }

    // ---- VenueConnector lifecycle ----

    @Override
    public final void start(Consumer<VenueEvent> sink) {
        Objects.requireNonNull(sink, "sink");
        synchronized (emitLock) {
            if (this.sink != null) {
                throw new IllegalStateException(venue + " connector already started");
            }
            this.sink = sink;
        }
        session.start();
    }

    @Override
    public final void stop() {
        synchronized (emitLock) {
            stopped = true;
            held = new ArrayList<>();
        }
        session.close();
        poller.shutdownNow();
        onStopped();
    }

    private void emitNow(VenueEvent event) {
        synchronized (emitLock) {
            if (!stopped && sink != null) {
                sink.accept(event);
            }
        }
    }

    private void statusNow(ConnectionState state, String detail) {
        emitNow(new VenueEvent.StatusChange(venue, state, detail, 0, System.nanoTime()));
    }

    private final class SessionHandler implements WsSession.Handler {
        @Override
        public CompletionStage<?> onOpen(WsSession s) {
            synchronized (emitLock) {
                resyncing = true;
                held = new ArrayList<>();
                epoch++; // any poll still in flight is now older than what the stream will bring
            }
            return resync(s).thenAccept(snapshot -> {
                synchronized (emitLock) {
                    if (stopped) {
                        return;
                    }
                    List<VenueEvent> replay = afterSnapshot(snapshot, List.copyOf(held));
                    held = new ArrayList<>();
                    resyncing = false;
                    sink.accept(snapshot);
                    replay.forEach(sink);
                }
            });
        }

        @Override
        public void onMessage(String text, long recvNanos) {
            onText(text, recvNanos);
        }

        @Override
        public void onStatus(ConnectionState state, String detail) {
            switch (state) {
                case CONNECTED -> {
                    synchronized (emitLock) {
                        streamLive = true;
                        degraded = false;
                        pollFailing = false;
                        stopPolling();
                    }
                    statusNow(state, detail);
                }
                case DOWN -> {
                    synchronized (emitLock) {
                        streamLive = false;
                        resyncing = false;
                        held = new ArrayList<>();
                        downReason = detail;
                    }
                    onStreamLost(detail);
                    reportWhileDown(state, detail);
                    startPolling();
                }
                case CONNECTING -> {
                    synchronized (emitLock) {
                        streamLive = false;
                    }
                    reportWhileDown(state, detail);
                }
                default -> statusNow(state, detail);
            }
        }

        /** While REST polling works the venue stays DEGRADED; a reconnect attempt does not hide that. */
        private void reportWhileDown(ConnectionState state, String detail) {
            boolean isDegraded;
            synchronized (emitLock) {
                isDegraded = degraded;
            }
            if (isDegraded) {
                statusNow(ConnectionState.DEGRADED, degradedDetail(detail));
            } else {
                statusNow(state, detail);
            }
        }
    }

    private String degradedDetail(String streamDetail) {
        return "stream down (" + streamDetail + "); positions polled over REST every " + pollInterval.toMillis() + " ms";
    }

    private void startPolling() {
        synchronized (emitLock) {
            if (stopped || polling != null || !hasRestFallback()) {
                return;
            }
            polling = poller.scheduleWithFixedDelay(this::pollOnce, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }

    private void pollOnce() {
        long startedEpoch;
        synchronized (emitLock) {
            if (stopped || streamLive || resyncing) {
                return;
            }
            startedEpoch = epoch;
        }
        CompletableFuture<VenueEvent.Snapshot> poll;
        try {
            poll = pollSnapshot();
        } catch (RuntimeException e) {
            poll = CompletableFuture.failedFuture(e);
        }
        try {
            VenueEvent.Snapshot snapshot = poll.get(Math.max(1000, pollInterval.toMillis() * 2), TimeUnit.MILLISECONDS);
            synchronized (emitLock) {
                if (stopped || streamLive || resyncing || epoch != startedEpoch) {
                    return; // the stream came back meanwhile; its snapshot wins
                }
                boolean first = !degraded;
                degraded = true;
                pollFailing = false;
                if (first) {
                    sink.accept(new VenueEvent.StatusChange(venue, ConnectionState.DEGRADED, degradedDetail(downReason),
                            0, System.nanoTime()));
                }
                sink.accept(snapshot);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            boolean wasDegraded;
            boolean firstFailure;
            synchronized (emitLock) {
                wasDegraded = degraded;
                degraded = false;
                firstFailure = !pollFailing;
                pollFailing = true;
            }
            if (!firstFailure) {
                return; // already reported; keep polling quietly until it works again
            }
            String why = "stream down and REST poll failed: " + cause.getMessage();
            log.warn("{}: {}", venue, why);
            if (wasDegraded) {
                statusNow(ConnectionState.DOWN, why);
            }
            reportError(cause instanceof io.legwatch.domain.VenueException ve ? ve.error()
                    : new VenueError(venue, VenueError.Kind.NETWORK, null, why), System.nanoTime());
        }
    }
}
