package io.legwatch.sim.protocol.deribit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.legwatch.domain.Fill;
import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKey;
import io.legwatch.domain.Order;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.SimLink;
import io.legwatch.sim.SimListener;
import io.legwatch.sim.SimSubscription;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Serves Deribit API v2 on 127.0.0.1 from one simulator account: JSON-RPC over WebSocket at
 * {@code /ws/api/v2} and the REST mirror at {@code GET /api/v2/<public|private>/<method>?params}.
 *
 * <p>Usage: {@code new DeribitFrontEnd(exchange, SimExchange.SIM_A, "client-id", "client-secret")}, then
 * {@code int port = frontEnd.start(0)}; connect a Deribit client to {@code ws://127.0.0.1:<port>/ws/api/v2}
 * (REST base {@code http://127.0.0.1:<port>}). {@link #close()} stops it. Private calls need
 * {@code public/auth} (client_credentials or client_signature, verified against the secret; wrong ones
 * get 13004 / 13009); REST private calls need a valid {@code deri-hmac-sha256} header.
 *
 * <p>Faults: the core's link faults reach the wire — DOWN drops every socket and answers new
 * connections and REST with HTTP 503, SILENT stops all writing while TCP stays open, UP accepts again.
 * {@link #wireFaults()} adds 10028/HTTP 429 rate limits, malformed, duplicated and reordered
 * notifications and abrupt socket drops. {@code heartbeatUnit} scales heartbeat seconds (1 s = real
 * Deribit; tests pass less to run quickly).
 */
public final class DeribitFrontEnd implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeribitFrontEnd.class);
    public static final String WS_PATH = "/ws/api/v2";

    private final SimExchange exchange;
    private final VenueId account;
    private final Duration heartbeatUnit;
    private final DeribitRpc rpc;
    private final DeribitWireFaults wireFaults;
    private final Set<DeribitConnection> connections = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final Object silence = new Object();
    private volatile SimLink link = SimLink.UP;
    private Server server;
    private SimSubscription subscription;

    public DeribitFrontEnd(SimExchange exchange, VenueId account, String clientId, String clientSecret) {
        this(exchange, account, clientId, clientSecret, TimeSource.SYSTEM, Duration.ofSeconds(1));
    }

    /**
     * @param time          clock that client_signature and REST timestamps are checked against
     * @param heartbeatUnit real duration of one heartbeat "second"
     */
    public DeribitFrontEnd(SimExchange exchange, VenueId account, String clientId, String clientSecret, TimeSource time,
                           Duration heartbeatUnit) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.account = Objects.requireNonNull(account, "account");
        this.heartbeatUnit = heartbeatUnit;
        this.rpc = new DeribitRpc(exchange, account, clientId, clientSecret, time);
        this.wireFaults = new DeribitWireFaults(this::dropAll);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deribit-fe-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds 127.0.0.1:{@code port} (0 = any free port) and returns the bound port. */
    public synchronized int start(int port) throws Exception {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("deribit-fe");
        pool.setDaemon(true);
        server = new Server(pool);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(Duration.ofMinutes(10));
            container.addMapping(WS_PATH, (req, resp, cb) -> {
                if (link == SimLink.DOWN || wireFaults.refusingWebSockets()) {
                    Response.writeError(req, resp, cb, HttpStatus.SERVICE_UNAVAILABLE_503, "venue unreachable");
                    return null;
                }
                return new DeribitConnection(this);
            });
        });
        ws.setHandler(new RestHandler());
        server.setHandler(ws);
        subscription = exchange.subscribe(account, new Listener());
        server.start();
        return connector.getLocalPort();
    }

    /**
     * Access-token lifetime answered by {@code public/auth} (default 900 s, as Deribit). After it a
     * connection's private calls fail with 13009 unless the client refreshed with its refresh_token.
     */
    public void tokenLifetime(Duration lifetime) {
        rpc.tokenLifetime(Math.max(1, lifetime.toSeconds()));
    }

    public DeribitWireFaults wireFaults() {
        return wireFaults;
    }

    /** Open WebSocket connections right now. */
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
        }
        dropAll();
        timer.shutdownNow();
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                log.warn("deribit front end did not stop cleanly", e);
            }
        }
    }

    // ---- for connections ----

    DeribitRpc rpc() {
        return rpc;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    Duration heartbeatUnit() {
        return heartbeatUnit;
    }

    boolean silent() {
        return link == SimLink.SILENT;
    }

    /** Blocks a writer while the venue is silent (half-open: TCP up, nothing sent). */
    void awaitNotSilent(Session session) throws InterruptedException {
        synchronized (silence) {
            while (link == SimLink.SILENT && session.isOpen()) {
                silence.wait(50);
            }
        }
    }

    void opened(DeribitConnection c) {
        connections.add(c);
        if (link == SimLink.DOWN) {
            c.drop();
        }
    }

    /** True the first time a connection reports its end. */
    boolean closed(DeribitConnection c) {
        return connections.remove(c);
    }

    void armDeadMan(Duration window) {
        exchange.armDeadMan(account, window).exceptionally(e -> null); // fails only while DOWN: the armed one fires
    }

    void cancelOnDisconnect(String why) {
        log.info("deribit front end: connection ended ({}), cancel-on-disconnect cancels all orders", why);
        exchange.cancelAll(account).exceptionally(e -> null);
        exchange.armDeadMan(account, Duration.ZERO).exceptionally(e -> null);
    }

    private void dropAll() {
        for (DeribitConnection c : List.copyOf(connections)) {
            c.drop();
        }
    }

    // ---- simulator events -> notifications ----

    private final class Listener implements SimListener {
        @Override
        public void onOrder(Order order, long venueTimeMs) {
            rpc.remember(order);
            Instrument i = instrument(order.instrument());
            for (DeribitConnection c : connections) {
                c.notify("changes", i, ch -> rpc.payloads().changes(i.symbol(), List.of(), List.of(),
                        List.of(rpc.payloads().order(i, order, venueTimeMs))));
                c.notify("orders", i, ch -> {
                    ObjectNode o = rpc.payloads().order(i, order, venueTimeMs);
                    return ch.raw() ? o : DeribitPayloads.JSON.createArrayNode().add(o);
                });
            }
        }

        @Override
        public void onFill(Fill fill, long venueTimeMs) {
            Instrument i = instrument(fill.instrument());
            for (DeribitConnection c : connections) {
                c.notify("changes", i, ch -> rpc.payloads().changes(i.symbol(),
                        List.of(rpc.payloads().trade(i, fill, venueTimeMs)), List.of(), List.of()));
                c.notify("trades", i, ch -> DeribitPayloads.JSON.createArrayNode()
                        .add(rpc.payloads().trade(i, fill, venueTimeMs)));
            }
        }

        @Override
        public void onPosition(Position position, long venueTimeMs) {
            Instrument i = instrument(position.instrument());
            if (i.kind() == io.legwatch.domain.InstrumentKind.SPOT) {
                return; // Deribit spot holdings are balances, not positions
            }
            for (DeribitConnection c : connections) {
                c.notify("changes", i, ch -> rpc.payloads().changes(i.symbol(), List.of(),
                        List.of(rpc.payloads().position(i, position)), List.of()));
            }
        }

        @Override
        public void onPrice(InstrumentKey key, double markPrice, double indexPrice, long venueTimeMs) {
            if (connections.isEmpty()) {
                return;
            }
            Instrument i = instrument(key);
            for (DeribitConnection c : connections) {
                c.notify("ticker", i, ch -> rpc.payloads().ticker(i, markPrice, indexPrice, venueTimeMs));
            }
        }

        @Override
        public void onHeartbeat(VenueId venue, long venueTimeMs) {
            Map<String, Double> delta = new HashMap<>();
            for (Position p : exchange.positions(account)) {
                if (!Double.isNaN(p.venueDelta())) {
                    delta.merge(instrument(p.instrument()).underlying(), p.venueDelta(), Double::sum);
                }
            }
            for (String currency : List.of("BTC", "ETH")) {
                JsonNode data = rpc.payloads().portfolio(currency, delta.getOrDefault(currency, 0.0));
                for (DeribitConnection c : connections) {
                    c.notifyPortfolio(currency, ch -> data);
                }
            }
        }

        @Override
        public void onLink(VenueId venue, SimLink newLink, String detail, long venueTimeMs) {
            link = newLink;
            synchronized (silence) {
                silence.notifyAll();
            }
            if (newLink == SimLink.DOWN) {
                timer.execute(DeribitFrontEnd.this::dropAll); // not under the exchange lock
            }
        }

        private Instrument instrument(InstrumentKey key) {
            return exchange.instrument(key).orElseThrow();
        }
    }

    // ---- REST mirror ----

    private final class RestHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (!path.startsWith("/api/v2/")) {
                return false;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            if (link == SimLink.DOWN) {
                Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "venue unreachable");
                return true;
            }
            if (wireFaults.takeRateLimit()) {
                write(response, callback, 429, DeribitConnection.error(null, new RpcException(10028, "too_many_requests")));
                return true;
            }
            String method = path.substring("/api/v2/".length());
            String query = request.getHttpURI().getQuery();
            String uri = path + (query == null ? "" : "?" + query);
            boolean authorized = method.startsWith("private/")
                    && rpc.restAuthorized(request.getHeaders().get(HttpHeader.AUTHORIZATION), request.getMethod(), uri, "");
            ObjectNode params = DeribitPayloads.JSON.createObjectNode();
            Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            for (Fields.Field f : fields) {
                params.put(f.getName(), f.getValue());
            }
            rpc.call(method, params, new DeribitRpc.Caller() {
                @Override
                public boolean authenticated() {
                    return authorized;
                }

                @Override
                public void authenticate(long expiresAtMs) {
                }

                @Override
                public DeribitConnection connection() {
                    return null;
                }
            }).whenComplete((result, failure) -> {
                if (failure != null) {
                    RpcException e = DeribitRpc.translate(failure);
                    int status = e.code == 13009 || e.code == 13004 ? 401 : e.code == 10028 ? 429 : 400;
                    write(response, callback, status, DeribitConnection.error(null, e));
                } else {
                    ObjectNode n = DeribitPayloads.JSON.createObjectNode();
                    n.put("jsonrpc", "2.0");
                    n.set("result", result);
                    n.put("testnet", true);
                    write(response, callback, 200, n.toString());
                }
            });
            return true;
        }

        private void write(Response response, Callback callback, int status, String body) {
            response.setStatus(status);
            Content.Sink.write(response, true, body, callback);
        }
    }
}
