package io.legwatch.sim.protocol.bybit;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.protocol.common.LoopbackFrontEnd;
import io.legwatch.sim.protocol.common.StreamSocket;
import org.eclipse.jetty.server.Handler;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves one simulator account over Bybit v5's wire protocol on 127.0.0.1: REST under {@code /v5/...}
 * and the private stream on {@code /v5/private}, with Bybit's signing, payload shapes and error codes.
 *
 * <p>Construct with the exchange, the account, the API key and secret clients must sign with, and the
 * wall clock used to check request timestamps; {@link #start(int)} (0 = any free port) returns the
 * port; {@link #close()} stops it. Connector side: {@code BybitConfig.loopback(venue, port, trading)}.
 *
 * <p>Faults: the simulator's own ({@code exchange.faults(account)}) reach the wire here: a DOWN link
 * drops every socket and refuses connections and requests (HTTP 503); a SILENT link keeps sockets
 * open but sends nothing (no pushes, pongs or answers) and leaves REST requests unanswered. Wire-only
 * faults are the methods below: garbage frames, duplicated or reordered pushes, rate-limit answers
 * (retCode 10006).
 */
public final class BybitFrontEnd extends LoopbackFrontEnd {
    private static final Wire WIRE = new Wire("bybit", "Bybit", "/v5/private", Duration.ofMinutes(10),
            "{\"topic\":\"position\",\"data\":[{\"symbol\":");

    private final SimExchange exchange;
    private final VenueId account;
    private final TimeSource clock;
    private final BybitAuth auth;
    private final ExecutorService deadMan;
    private volatile Duration dcpWindow = Duration.ofSeconds(10);
    private volatile boolean dcpActive;

    public BybitFrontEnd(SimExchange exchange, VenueId account, String apiKey, String apiSecret, TimeSource clock) {
        super(exchange, account, WIRE);
        this.exchange = exchange;
        this.account = account;
        this.clock = clock;
        this.auth = new BybitAuth(apiKey, apiSecret, clock);
        this.deadMan = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bybit-sim-dcp-" + account);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    protected StreamSocket newSocket() {
        return new BybitSocket(this);
    }

    @Override
    protected Handler restHandler(SimExchange exchange) {
        return new BybitRestHandler(this, exchange);
    }

    @Override
    protected void stopping() {
        deadMan.shutdownNow();
    }

    /** True while a connected client's dcp subscription keeps Bybit's disconnect protection armed. */
    public boolean dcpActive() {
        return dcpActive;
    }

    // ---- for the handler and sockets ----

    TimeSource clock() {
        return clock;
    }

    BybitAuth auth() {
        return auth;
    }

    /** A socket with a dcp topic closed: refreshes stop; the simulator's dead-man fires after the window. */
    void dcpClosed() {
        dcpActive = false;
    }

    void dcpWindow(Duration window) {
        dcpWindow = window;
        if (dcpActive) {
            refreshDeadMan();
        }
    }

    /** A socket subscribed the dcp topic: DCP now guards this account (called on a Jetty thread). */
    void dcpConnected() {
        exchange.armDeadMan(account, dcpWindow);
        dcpActive = true;
    }

    /** The client unsubscribed the dcp topic: DCP no longer guards this account. */
    void dcpUnsubscribed() {
        dcpActive = false;
        deadMan.execute(() -> exchange.armDeadMan(account, Duration.ZERO));
    }

    /** Keeps DCP refreshed while a dcp socket is connected. */
    @Override
    protected void onHeartbeat() {
        if (dcpActive) {
            refreshDeadMan();
        }
    }

    private void refreshDeadMan() {
        Duration window = dcpWindow;
        deadMan.execute(() -> exchange.armDeadMan(account, window));
    }
}
