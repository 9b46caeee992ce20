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
import io.legwatch.sim.protocol.common.LoopbackServer;
import io.legwatch.sim.protocol.common.OpenSockets;
import io.legwatch.sim.protocol.common.WireFaults;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** OKX drops a connection idle for 30 s. */
    private static final Duration OKX_IDLE = Duration.ofSeconds(30);

    private final SimExchange exchange;
    private final VenueId account;
    private final OkxAuth auth;
    private final String uid;
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final WireFaults faults = new WireFaults();
    private final OpenSockets sockets = new OpenSockets(faults);
    private LoopbackServer server;
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
        linkWatch = exchange.subscribe(account, new LinkWatch());
        faults.link(linkWatch.snapshot().link());
        server = LoopbackServer.start("okx-sim-" + account, port, "/ws/v5/private", OKX_IDLE, faults,
                () -> new OkxSocket(this), new OkxRestHandler(this, exchange));
        return server.port();
    }

    @Override
    public synchronized void close() {
        if (linkWatch != null) {
            linkWatch.close();
        }
        sockets.dropAll();
        if (server != null) {
            server.stop("OKX front end");
        }
    }

    // ---- wire faults ----

    /** Sends a truncated JSON frame to every connected client. */
    public void sendMalformed() {
        sockets.sendRawToAll("{\"arg\":{\"channel\":\"positions\"},\"data\":[{\"instId\":");
    }

    public void duplicatePushes(boolean on) {
        faults.duplicatePushes(on);
    }

    /** The next {@code pairs} pairs of pushes go out in swapped order. */
    public void reorderNextPushes(int pairs) {
        faults.reorderNextPushes(pairs);
    }

    /** The next {@code n} REST requests answer HTTP 429 with OKX's code 50011. */
    public void rateLimitNext(int n) {
        faults.rateLimitNext(n);
    }

    /**
     * While on, the stream endpoint refuses connections (HTTP 503) and open sockets are dropped, but REST
     * keeps answering: the situation a REST polling fallback is for.
     */
    public void refuseStreams(boolean on) {
        sockets.refuseStreams(on);
    }

    public int connections() {
        return sockets.count();
    }

    // ---- for the handler and sockets ----

    WireFaults faults() {
        return faults;
    }

    OpenSockets sockets() {
        return sockets;
    }

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
            sockets.link(newLink);
        }
    }
}
