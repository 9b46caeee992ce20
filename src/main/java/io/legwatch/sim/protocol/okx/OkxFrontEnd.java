package io.legwatch.sim.protocol.okx;

import io.legwatch.domain.Instrument;
import io.legwatch.domain.InstrumentKind;
import io.legwatch.domain.Position;
import io.legwatch.domain.TimeSource;
import io.legwatch.domain.VenueId;
import io.legwatch.sim.SimExchange;
import io.legwatch.sim.protocol.common.LoopbackFrontEnd;
import io.legwatch.sim.protocol.common.StreamSocket;
import org.eclipse.jetty.server.Handler;

import java.time.Duration;
import java.util.List;

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
 * duplicated or reordered pushes, rate-limit answers (HTTP 429 / 50011).
 */
public final class OkxFrontEnd extends LoopbackFrontEnd {
    /** OKX drops a connection idle for 30 s. */
    private static final Wire WIRE = new Wire("okx", "OKX", "/ws/v5/private", Duration.ofSeconds(30),
            "{\"arg\":{\"channel\":\"positions\"},\"data\":[{\"instId\":");

    private final SimExchange exchange;
    private final VenueId account;
    private final OkxAuth auth;
    private final String uid;

    public OkxFrontEnd(SimExchange exchange, VenueId account, String apiKey, String apiSecret, String passphrase,
                       TimeSource clock) {
        super(exchange, account, WIRE);
        this.exchange = exchange;
        this.account = account;
        this.auth = new OkxAuth(apiKey, apiSecret, passphrase, clock);
        this.uid = Long.toString(Math.abs((long) account.value().hashCode()) + 77982378738415879L);
    }

    @Override
    protected StreamSocket newSocket() {
        return new OkxSocket(this);
    }

    @Override
    protected Handler restHandler(SimExchange exchange) {
        return new OkxRestHandler(this, exchange);
    }

    // ---- for the handler and sockets ----

    OkxAuth auth() {
        return auth;
    }

    String uid() {
        return uid;
    }

    /** An option's premium (OKX's option markPx); NaN for anything else. Not to be called under the exchange lock from another thread. */
    double premium(Instrument i) {
        return i.kind() == InstrumentKind.OPTION ? exchange.markPrice(i.key()) : Double.NaN;
    }

    /**
     * OKX sends the current positions as an initial {@code snapshot} push after a positions subscription:
     * that push, or null when the account holds no position.
     */
    String initialPositions() {
        List<Position> positions = exchange.positions(account).stream()
                .filter(p -> instrument(p.instrument().symbol()) != null).toList();
        if (positions.isEmpty()) {
            return null;
        }
        long now = exchange.nowMs();
        return OkxWireEncoder.push("positions", uid, "snapshot", positions, (g, p) -> {
            Instrument i = instrument(p.instrument().symbol());
            OkxWireEncoder.position(g, p, i, premium(i), now);
        });
    }
}
