package io.legwatch.sim.protocol.bybit;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.SimLink;
import io.legwatch.sim.SimListener;
import io.legwatch.sim.SimSubscription;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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
 * faults are the methods below: garbage frames, duplicated or reordered pushes, rate-limit answers.
 */
public final class BybitFrontEnd implements AutoCloseable {
    private final SimExchange exchange;
    private final VenueId account;
    private final TimeSource clock;
    private final BybitAuth auth;
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final Set<BybitSocket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService deadMan;
    private final AtomicInteger rateLimits = new AtomicInteger();
    private final AtomicInteger reorders = new AtomicInteger();
    private volatile boolean duplicating;
    private volatile boolean refuseStreams;
    private volatile SimLink link = SimLink.UP;
    private volatile Duration dcpWindow = Duration.ofSeconds(10);
    private volatile boolean dcpActive;
    private Server server;
    private SimSubscription linkWatch;

    public BybitFrontEnd(SimExchange exchange, VenueId account, String apiKey, String apiSecret, TimeSource clock) {
        this.exchange = exchange;
        this.account = account;
        this.clock = clock;
        this.auth = new BybitAuth(apiKey, apiSecret, clock);
        exchange.instruments(account).forEach(i -> instruments.put(i.symbol(), i));
        this.deadMan = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bybit-sim-dcp-" + account);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts serving on 127.0.0.1:{@code port} (0 = ephemeral) and returns the bound port. */
    public synchronized int start(int port) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("bybit-sim-" + account);
        server = new Server(pool);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setIdleTimeout(Duration.ofMinutes(10));
            container.addMapping("/v5/private", (request, response, callback) -> {
                if (down() || refuseStreams) {
                    Response.writeError(request, response, callback, 503, "Service Unavailable");
                    return null;
                }
                return new BybitSocket(this);
            });
        });
        ws.setHandler(new BybitRestHandler(this, exchange));
        context.setHandler(ws);
        server.setHandler(context);
        linkWatch = exchange.subscribe(account, new LinkWatch());
        link = linkWatch.snapshot().link();
        server.start();
        return connector.getLocalPort();
    }

    @Override
    public synchronized void close() {
        if (linkWatch != null) {
            linkWatch.close();
        }
        sockets.forEach(BybitSocket::drop);
        deadMan.shutdownNow();
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the Bybit front end", e);
            }
        }
    }

    // ---- wire faults ----

    /** Sends a truncated JSON frame to every connected client. */
    public void sendMalformed() {
        sockets.forEach(s -> s.sendRaw("{\"topic\":\"position\",\"data\":[{\"symbol\":"));
    }

    /** While on, every push goes out twice. */
    public void duplicatePushes(boolean on) {
        duplicating = on;
    }

    /** The next {@code pairs} pairs of pushes go out in swapped order. */
    public void reorderNextPushes(int pairs) {
        reorders.set(2 * pairs);
    }

    /** The next {@code n} REST requests answer Bybit's rate-limit error (retCode 10006). */
    public void rateLimitNext(int n) {
        rateLimits.set(n);
    }

    /** True while a connected client's dcp subscription keeps Bybit's disconnect protection armed. */
    public boolean dcpActive() {
        return dcpActive;
    }

    /**
     * While on, the stream endpoint refuses connections (HTTP 503) and open sockets are dropped, but REST
     * keeps answering: the situation a REST polling fallback is for.
     */
    public void refuseStreams(boolean on) {
        refuseStreams = on;
        if (on) {
            sockets.forEach(BybitSocket::drop);
        }
    }

    /** How many sockets are open now. */
    public int connections() {
        return sockets.size();
    }

    // ---- for the handler and sockets ----

    VenueId account() {
        return account;
    }

    TimeSource clock() {
        return clock;
    }

    BybitAuth auth() {
        return auth;
    }

    Instrument instrument(String symbol) {
        return instruments.get(symbol);
    }

    List<Instrument> instruments() {
        return List.copyOf(instruments.values());
    }

    boolean down() {
        return link == SimLink.DOWN;
    }

    boolean silent() {
        return link == SimLink.SILENT;
    }

    boolean duplicating() {
        return duplicating;
    }

    boolean takeReorder() {
        return reorders.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean takeRateLimit() {
        return rateLimits.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    void opened(BybitSocket socket) {
        sockets.add(socket);
        if (down()) {
            socket.drop();
        }
    }

    void closed(BybitSocket socket, boolean hadDcp) {
        sockets.remove(socket);
        if (hadDcp) {
            dcpActive = false; // refreshes stop; the simulator's dead-man fires after the window
        }
    }

    void ensureSubscribed(BybitSocket socket) {
        if (socket.needsSubscription()) {
            socket.attach(exchange.subscribe(account, socket));
        }
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

    private void refreshDeadMan() {
        Duration window = dcpWindow;
        deadMan.execute(() -> exchange.armDeadMan(account, window));
    }

    /** Follows the simulator's link state and keeps DCP refreshed while a dcp socket is connected. */
    private final class LinkWatch implements SimListener {
        @Override
        public void onLink(VenueId venue, SimLink newLink, String detail, long venueTimeMs) {
            link = newLink;
            if (newLink == SimLink.DOWN) {
                sockets.forEach(BybitSocket::drop);
            }
        }

        @Override
        public void onHeartbeat(VenueId venue, long venueTimeMs) {
            if (dcpActive) {
                refreshDeadMan();
            }
        }
    }
}
