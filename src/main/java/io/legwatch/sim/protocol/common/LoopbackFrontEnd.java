package io.legwatch.sim.protocol.common;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.SimLink;
import io.legwatch.sim.SimListener;
import io.legwatch.sim.SimSubscription;
import org.eclipse.jetty.server.Handler;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Bybit and OKX front ends do alike: serve one simulator account on a {@link LoopbackServer},
 * follow the simulator's link state onto the wire (DOWN drops every socket, SILENT sends nothing), and
 * inject the wire-only faults (garbage frames, duplicated or reordered pushes, rate-limit answers,
 * refused streams). The venue subclass supplies its stream endpoint, REST handler and wire shapes.
 */
public abstract class LoopbackFrontEnd implements AutoCloseable {
    /**
     * How a venue's front end sits on the wire.
     *
     * @param name           the venue in thread names ({@code bybit} gives {@code bybit-sim-<account>})
     * @param title          the venue in error messages ({@code Bybit})
     * @param wsPath         the private stream's path
     * @param wsIdle         the venue's own idle timeout of stream connections
     * @param malformedFrame the truncated JSON frame {@link #sendMalformed()} sends
     */
    public record Wire(String name, String title, String wsPath, Duration wsIdle, String malformedFrame) {
    }

    private final SimExchange exchange;
    private final VenueId account;
    private final Wire wire;
    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final WireFaults faults = new WireFaults();
    private final OpenSockets sockets = new OpenSockets(faults);
    private LoopbackServer server;
    private SimSubscription linkWatch;

    protected LoopbackFrontEnd(SimExchange exchange, VenueId account, Wire wire) {
        this.exchange = exchange;
        this.account = account;
        this.wire = wire;
        exchange.instruments(account).forEach(i -> instruments.put(i.symbol(), i));
    }

    /** Starts serving on 127.0.0.1:{@code port} (0 = ephemeral) and returns the bound port. */
    public final synchronized int start(int port) throws Exception {
        linkWatch = exchange.subscribe(account, new LinkWatch());
        faults.link(linkWatch.snapshot().link());
        server = LoopbackServer.start(wire.name() + "-sim-" + account, port, wire.wsPath(), wire.wsIdle(), faults,
                this::newSocket, restHandler(exchange));
        return server.port();
    }

    @Override
    public final synchronized void close() {
        if (linkWatch != null) {
            linkWatch.close();
        }
        sockets.dropAll();
        stopping();
        if (server != null) {
            server.stop(wire.title() + " front end");
        }
    }

    /** The endpoint for one accepted stream connection. */
    protected abstract StreamSocket newSocket();

    /** Answers every request that is not the stream's upgrade. */
    protected abstract Handler restHandler(SimExchange exchange);

    /** Called by {@link #close()} once every socket is dropped, before the server stops. */
    protected void stopping() {
    }

    /** Called on every simulator heartbeat (on the simulator's thread). */
    protected void onHeartbeat() {
    }

    // ---- wire faults ----

    /** Sends a truncated JSON frame to every connected client. */
    public final void sendMalformed() {
        sockets.sendRawToAll(wire.malformedFrame());
    }

    /** While on, every push goes out twice. */
    public final void duplicatePushes(boolean on) {
        faults.duplicatePushes(on);
    }

    /** The next {@code pairs} pairs of pushes go out in swapped order. */
    public final void reorderNextPushes(int pairs) {
        faults.reorderNextPushes(pairs);
    }

    /** The next {@code n} REST requests answer the venue's rate-limit error (see the subclass). */
    public final void rateLimitNext(int n) {
        faults.rateLimitNext(n);
    }

    /**
     * While on, the stream endpoint refuses connections (HTTP 503) and open sockets are dropped, but REST
     * keeps answering: the situation a REST polling fallback is for.
     */
    public final void refuseStreams(boolean on) {
        sockets.refuseStreams(on);
    }

    /** How many sockets are open now. */
    public final int connections() {
        return sockets.count();
    }

    // ---- for the venue's REST handler and sockets ----

    /** What this front end's open stream connections have written and have queued. */
    public final StreamTraffic streamTraffic() {
        return sockets.traffic();
    }

    public final WireFaults faults() {
        return faults;
    }

    OpenSockets sockets() {
        return sockets;
    }

    public final VenueId account() {
        return account;
    }

    /** The account's instrument with that venue symbol, or null. */
    public final Instrument instrument(String symbol) {
        return instruments.get(symbol);
    }

    public final List<Instrument> instruments() {
        return List.copyOf(instruments.values());
    }

    /** Subscribes the socket to the account's simulator events, unless it already is. */
    public final void ensureSubscribed(StreamSocket socket) {
        if (socket.needsSubscription()) {
            socket.attach(exchange.subscribe(account, socket));
        }
    }

    private final class LinkWatch implements SimListener {
        @Override
        public void onLink(VenueId venue, SimLink newLink, String detail, long venueTimeMs) {
            sockets.link(newLink);
        }

        @Override
        public void onHeartbeat(VenueId venue, long venueTimeMs) {
            LoopbackFrontEnd.this.onHeartbeat();
        }
    }
}
