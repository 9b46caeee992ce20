package io.legwatch.sim.protocol.okx;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Position;
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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves one simulator account over OKX v5's wire protocol on 127.0.0.1: REST under {@code /api/v5/...}
 * and the private stream on {@code /ws/v5/private}, with OKX's signing, payload shapes and codes.
 *
 * <p>Construct with the exchange, the account, the API key, secret and passphrase clients must sign
 * with, and the wall clock used to check timestamps; {@link #start(int)} (0 = any free port) returns
 * the port; {@link #close()} stops it. Connector side: {@code OkxConfig.loopback(venue, port, trading)}.
 * The simulated account is in net position mode.
 *
 * <p>Faults: the simulator's own reach the wire (DOWN drops sockets and answers HTTP 503; SILENT keeps
 * sockets open and sends nothing, REST requests go unanswered). Wire-only faults: garbage frames,
 * duplicated or reordered pushes, HTTP 429 / 50011 answers.
 */
public final class OkxFrontEnd implements AutoCloseable {
    private final SimExchange exchange;
    private final VenueId account;
    private final OkxAuth auth;
    private final String uid;
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final Set<OkxSocket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rateLimits = new AtomicInteger();
    private final AtomicInteger reorders = new AtomicInteger();
    private volatile boolean duplicating;
    private volatile boolean refuseStreams;
    private volatile SimLink link = SimLink.UP;
    private Server server;
    private SimSubscription linkWatch;

    public OkxFrontEnd(SimExchange exchange, VenueId account, String apiKey, String apiSecret, String passphrase,
                       TimeSource clock) {
        this.exchange = exchange;
        this.account = account;
        this.auth = new OkxAuth(apiKey, apiSecret, passphrase, clock);
        this.uid = Long.toString(Math.abs((long) account.value().hashCode()) + 77982378738415879L);
        exchange.instruments(account).forEach(i -> instruments.put(i.symbol(), i));
    }

    /** Starts serving on 127.0.0.1:{@code port} (0 = ephemeral) and returns the bound port. */
    public synchronized int start(int port) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("okx-sim-" + account);
        server = new Server(pool);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setIdleTimeout(Duration.ofSeconds(30)); // OKX drops a connection idle for 30 s
            container.addMapping("/ws/v5/private", (request, response, callback) -> {
                if (down() || refuseStreams) {
                    Response.writeError(request, response, callback, 503, "Service Unavailable");
                    return null;
                }
                return new OkxSocket(this);
            });
        });
        ws.setHandler(new OkxRestHandler(this, exchange));
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
        sockets.forEach(OkxSocket::drop);
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the OKX front end", e);
            }
        }
    }

    // ---- wire faults ----

    /** Sends a truncated JSON frame to every connected client. */
    public void sendMalformed() {
        sockets.forEach(s -> s.sendRaw("{\"arg\":{\"channel\":\"positions\"},\"data\":[{\"instId\":"));
    }

    public void duplicatePushes(boolean on) {
        duplicating = on;
    }

    /** The next {@code pairs} pairs of pushes go out in swapped order. */
    public void reorderNextPushes(int pairs) {
        reorders.set(2 * pairs);
    }

    /** The next {@code n} REST requests answer HTTP 429 with OKX's code 50011. */
    public void rateLimitNext(int n) {
        rateLimits.set(n);
    }

    /**
     * While on, the stream endpoint refuses connections (HTTP 503) and open sockets are dropped, but REST
     * keeps answering: the situation a REST polling fallback is for.
     */
    public void refuseStreams(boolean on) {
        refuseStreams = on;
        if (on) {
            sockets.forEach(OkxSocket::drop);
        }
    }

    public int connections() {
        return sockets.size();
    }

    // ---- for the handler and sockets ----

    VenueId account() {
        return account;
    }

    OkxAuth auth() {
        return auth;
    }

    String uid() {
        return uid;
    }

    Instrument instrument(String symbol) {
        return instruments.get(symbol);
    }

    List<Instrument> instruments() {
        return List.copyOf(instruments.values());
    }

    /** An option's premium (OKX's option markPx); NaN for anything else. Not to be called under the exchange lock from another thread. */
    double premium(Instrument i) {
        return i.kind() == InstrumentKind.OPTION ? exchange.markPrice(i.key()) : Double.NaN;
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

    void opened(OkxSocket socket) {
        sockets.add(socket);
        if (down()) {
            socket.drop();
        }
    }

    void closed(OkxSocket socket) {
        sockets.remove(socket);
    }

    void ensureSubscribed(OkxSocket socket) {
        if (socket.needsSubscription()) {
            socket.attach(exchange.subscribe(account, socket));
        }
    }

    /** OKX sends the current positions as an initial {@code snapshot} push after a positions subscription. */
    void initialPositions(OkxSocket socket) {
        List<Position> positions = exchange.positions(account).stream()
                .filter(p -> instruments.containsKey(p.instrument().symbol())).toList();
        if (positions.isEmpty()) {
            return;
        }
        long now = exchange.nowMs();
        socket.push(OkxWireEncoder.push("positions", uid, "snapshot", positions, (g, p) -> {
            Instrument i = instruments.get(p.instrument().symbol());
            OkxWireEncoder.position(g, p, i, premium(i), now);
        }));
    }

    private final class LinkWatch implements SimListener {
        @Override
        public void onLink(VenueId venue, SimLink newLink, String detail, long venueTimeMs) {
            link = newLink;
            if (newLink == SimLink.DOWN) {
                sockets.forEach(OkxSocket::drop);
            }
        }
    }
}
