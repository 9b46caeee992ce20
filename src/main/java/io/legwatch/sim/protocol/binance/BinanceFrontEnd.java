package io.legwatch.sim.protocol.binance;

import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.SimLink;
import io.legwatch.sim.SimSubscription;
import io.legwatch.sim.protocol.common.StreamTraffic;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.time.Duration;
import java.util.Objects;

/**
 * Serves one simulated account as Binance USD-M futures on 127.0.0.1: REST under {@code /fapi/...} and the
 * user data stream at {@code /ws/<listenKey>}, on one port.
 *
 * <pre>{@code
 * BinanceFrontEnd fe = new BinanceFrontEnd(exchange, SimExchange.SIM_B, "key", "secret", TimeSource.SYSTEM, 42);
 * int port = fe.start(0);            // ephemeral
 * fe.restBase();                     // http://127.0.0.1:<port>
 * fe.wsBase();                       // ws://127.0.0.1:<port>/ws
 * fe.faults().rateLimitNext(1);      // wire faults; the core's faults (disconnect, silence...) apply too
 * fe.close();
 * }</pre>
 * Only the account's LINEAR listings are served (Binance USD-M has no spot, inverse or options here), in
 * one-way position mode. Signed requests are checked against {@code secretKey}; {@code clock} decides
 * {@code timestamp}/{@code recvWindow} and the listenKey's 60 min validity.
 */
public final class BinanceFrontEnd implements AutoCloseable {
    private final SimExchange exchange;
    private final VenueId account;
    private final BinanceStreamHub hub;
    private final BinanceWireFaults faults;
    private final BinanceRestHandler rest;
    private Server server;
    private SimSubscription subscription;
    private int port;

    public BinanceFrontEnd(SimExchange exchange, VenueId account, String apiKey, String secretKey, TimeSource clock,
                           long seed) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.account = Objects.requireNonNull(account, "account");
        BinanceIds ids = new BinanceIds();
        this.hub = new BinanceStreamHub(account, clock, seed, ids);
        this.faults = new BinanceWireFaults(hub);
        hub.faults(faults);
        this.rest = new BinanceRestHandler(exchange, account, new BinanceRequestAuth(apiKey, secretKey), hub, faults,
                ids, clock);
    }

    /** Binds 127.0.0.1:{@code port} (0 = ephemeral) and returns the bound port. */
    public synchronized int start(int port) throws Exception {
        if (server != null) {
            throw new IllegalStateException("already started on port " + this.port);
        }
        subscription = exchange.subscribe(account, hub);
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("binance-fe-" + account);
        Server s = new Server(threads);
        ServerConnector connector = new ServerConnector(s);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        s.addConnector(connector);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(s, container -> {
            container.setIdleTimeout(Duration.ofMinutes(10));
            container.addMapping("/ws/*", (request, response, callback) -> {
                String path = request.getHttpURI().getPath();
                String key = path.substring(path.lastIndexOf('/') + 1);
                if (faults.streamsRefused() || hub.link() == SimLink.DOWN) {
                    Response.writeError(request, response, callback, 503, "user data stream unavailable");
                    return null;
                }
                if (!hub.accepts(key)) {
                    Response.writeError(request, response, callback, 400, "invalid listenKey");
                    return null;
                }
                return new BinanceStreamSocket(hub, key);
            });
        });
        ws.setHandler(rest);
        s.setHandler(ws);
        s.start();
        server = s;
        this.port = connector.getLocalPort();
        return this.port;
    }

    public int port() {
        return port;
    }

    public String restBase() {
        return "http://127.0.0.1:" + port;
    }

    /** The stream base; a client connects to {@code wsBase() + "/" + listenKey}. */
    public String wsBase() {
        return "ws://127.0.0.1:" + port + "/ws";
    }

    public VenueId account() {
        return account;
    }

    public BinanceWireFaults faults() {
        return faults;
    }

    /** REST answers held back while the venue is SILENT (for tests and the fault panel). */
    public int withheldAnswers() {
        return hub.withheldCount();
    }

    /** Open user-stream connections (for tests and the fault panel). */
    public int openStreams() {
        return hub.openSockets();
    }

    /** What the open user streams have written and have queued. */
    public StreamTraffic streamTraffic() {
        return hub.traffic();
    }

    /** Stops serving: drops the streams, unsubscribes from the exchange, closes the port. Idempotent. */
    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (server != null) {
            hub.dropAll();
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Binance front end on port " + port + " did not stop cleanly", e);
            } finally {
                server = null;
            }
        }
    }
}
