package io.legwatch.venue.net;

import io.legwatch.domain.ConnectionState;
import io.legwatch.domain.TimeSource;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One logical WebSocket connection to a venue that survives disconnects.
 *
 * <p>Lifecycle: connect -> {@link Handler#onOpen} (the connector authenticates, subscribes and fetches
 * its snapshot, asynchronously) -> CONNECTED -> stream. When the socket fails, closes, or stays silent
 * past {@code deadAfter}, the session reports DOWN and reconnects after an exponential backoff with
 * jitter; every new socket runs {@link Handler#onOpen} again, so a reconnect always resynchronises.
 * Silence past {@code staleAfter} is reported as STALE while the socket is kept; data flowing again
 * reports CONNECTED.
 *
 * <p>Threads: messages are delivered on OkHttp's reader thread (hot path: no hop). Everything else
 * (connect, onOpen, status, pings, watchdog) runs on the session's own single thread, so
 * {@link Handler#onOpen} must not block waiting for messages — return a future instead. Callbacks from
 * an old socket are ignored (each socket has a generation). After {@link #close()} returns no further
 * callbacks start.
 */
public final class WsSession implements AutoCloseable {
    /** The connector's side of the session. */
    public interface Handler {
        /**
         * A socket just opened. Authenticate, subscribe, fetch the snapshot; complete the stage when
         * the stream can be trusted. Failing or timing out drops this socket and retries with backoff.
         * Runs on the session thread; messages keep arriving through {@link #onMessage} meanwhile.
         */
        CompletionStage<?> onOpen(WsSession session);

        /** One text frame, on the reader thread. {@code recvNanos} is when it arrived. Must not throw. */
        void onMessage(String text, long recvNanos);

        /** The session's state changed; {@code detail} is for the trader. Session thread. */
        void onStatus(ConnectionState state, String detail);
    }

    private static final Logger log = LoggerFactory.getLogger(WsSession.class);

    private final WsSessionConfig config;
    private final OkHttpClient http;
    private final Handler handler;
    private final Backoff backoff;
    private final StalenessWatchdog watchdog;
    private final ScheduledExecutorService thread;
    private final MessageCounters counters = new MessageCounters();

    // Written on the session thread; read by the reader thread and send() callers.
    private volatile WebSocket socket;
    private volatile int generation;
    private volatile boolean closed;
    private volatile ConnectionState state = ConnectionState.DOWN;
    private boolean started;
    private ScheduledFuture<?> reconnect;

    /**
     * @param backoff reconnect delays; reset once a connection resynchronised
     * @param time    clock for the staleness watchdog
     */
    public WsSession(WsSessionConfig config, OkHttpClient http, Handler handler, Backoff backoff, TimeSource time) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.watchdog = new StalenessWatchdog(time, config.staleAfter(), config.deadAfter());
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "legwatch-ws-" + config.name());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts connecting. Returns at once. */
    public void start() {
        thread.execute(() -> {
            if (started || closed) {
                return;
            }
            started = true;
            long tick = Math.max(20, config.staleAfter().toMillis() / 5);
            thread.scheduleWithFixedDelay(this::checkSilence, tick, tick, TimeUnit.MILLISECONDS);
            if (config.pingInterval() != null) {
                long ping = config.pingInterval().toMillis();
                thread.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
            }
            connect();
        });
    }

    /** Sends a text frame on the current socket. False when there is none or it is closing. */
    public boolean send(String text) {
        WebSocket ws = socket;
        return ws != null && ws.send(text);
    }

    /** Drops the current socket and reconnects (with backoff), e.g. after a protocol violation. */
    public void reconnect(String reason) {
        int gen = generation;
        try {
            thread.execute(() -> lost(gen, reason));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: nothing to reconnect
        }
    }

    public ConnectionState state() {
        return state;
    }

    public MessageCounters counters() {
        return counters;
    }

    public String name() {
        return config.name();
    }

    /** Closes the socket and stops reconnecting. Idempotent. */
    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.close(1000, "client closing");
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- session thread ----

    private void connect() {
        reconnect = null;
        if (closed) {
            return;
        }
        int gen = ++generation;
        watchdog.reset(); // silence counts per attempt, not from the previous socket
        status(ConnectionState.CONNECTING, backoff.attempts() == 0 ? "connecting"
                : "reconnecting (attempt " + (backoff.attempts() + 1) + ")");
        String url;
        try {
            url = config.url().next();
        } catch (Exception e) {
            lost(gen, "could not prepare the connection: " + e.getMessage());
            return;
        }
        Request request;
        try {
            request = new Request.Builder().url(url).build();
        } catch (IllegalArgumentException e) {
            lost(gen, "bad WebSocket URL: " + e.getMessage());
            return;
        }
        socket = http.newWebSocket(request, new Listener(gen));
    }

    private void opened(int gen) {
        if (gen != generation || closed) {
            return;
        }
        watchdog.reset();
        CompletableFuture<?> resync;
        try {
            resync = handler.onOpen(this).toCompletableFuture();
        } catch (RuntimeException e) {
            resync = CompletableFuture.failedFuture(e);
        }
        resync.orTimeout(config.resyncTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((ok, error) -> resynced(gen, error), thread);
    }

    private void resynced(int gen, Throwable error) {
        if (gen != generation || closed) {
            return;
        }
        if (error != null) {
            Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.CompletionException
                    ? error.getCause() : error;
            String why = cause instanceof java.util.concurrent.TimeoutException
                    ? "resync timed out after " + config.resyncTimeout().toMillis() + " ms"
                    : "resync failed: " + cause.getMessage();
            lost(gen, why);
            return;
        }
        backoff.reset();
        status(ConnectionState.CONNECTED, "streaming");
    }

    /** The socket with generation {@code gen} is gone (or must go): schedule the next attempt. */
    private void lost(int gen, String reason) {
        if (gen != generation || closed || reconnect != null) {
            return;
        }
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.cancel();
        }
        generation++; // late callbacks from the dropped socket are now ignored
        Duration wait = backoff.next();
        status(ConnectionState.DOWN, reason + "; reconnecting in " + wait.toMillis() + " ms");
        reconnect = thread.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkSilence() {
        if (closed || socket == null) {
            return;
        }
        switch (watchdog.check()) {
            case BECAME_STALE -> {
                if (state == ConnectionState.CONNECTED) {
                    status(ConnectionState.STALE, "no data for " + watchdog.silentFor().toMillis() + " ms (limit "
                            + config.staleAfter().toMillis() + " ms)");
                }
            }
            case RECOVERED -> {
                if (state == ConnectionState.STALE) {
                    status(ConnectionState.CONNECTED, "data flowing again");
                }
            }
            case DEAD -> lost(generation, "silent for " + watchdog.silentFor().toMillis()
                    + " ms: connection presumed dead");
            case NO_CHANGE -> {
            }
        }
    }

    private void ping() {
        if (!closed && socket != null) {
            send(config.pingMessage().get());
        }
    }

    private void status(ConnectionState next, String detail) {
        state = next;
        if (closed) {
            return;
        }
        log.info("{}: {} ({})", config.name(), next, detail);
        try {
            handler.onStatus(next, detail);
        } catch (RuntimeException e) {
            log.error("{}: status handler failed", config.name(), e);
        }
    }

    private final class Listener extends WebSocketListener {
        private final int gen;

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            execute(() -> opened(gen));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            long recvNanos = System.nanoTime();
            if (gen != generation || closed) {
                return;
            }
            watchdog.touch();
            counters.received();
            try {
                handler.onMessage(text, recvNanos);
            } catch (RuntimeException e) {
                // A handler bug must not kill the reader thread; the connector reports parse errors itself.
                log.error("{}: message handler failed", config.name(), e);
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            execute(() -> lost(gen, "venue closed the connection (" + code + (reason.isEmpty() ? "" : " " + reason) + ")"));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            String why = response != null ? "handshake answered HTTP " + response.code()
                    : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            execute(() -> lost(gen, "connection failed: " + why));
        }

        private void execute(Runnable r) {
            if (!closed) {
                try {
                    thread.execute(r);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // closing concurrently: nothing left to do
                }
            }
        }
    }
}
